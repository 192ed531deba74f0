-- An array indexed by one scalarset cannot be indexed by a value of another scalarset of the same size (CMurphi's
-- rule; Rumur accepts it).
type
  p: scalarset(2);
  q: scalarset(2);

var
  a: array [p] of boolean;

startstate begin
  clear a;
end;

ruleset j: q do
  -- error: indexing an array over p with a value of type q breaks symmetry
  rule a[j] ==> begin
    clear a;
  end;
end;
