-- An array indexed by an integer range cannot be indexed by a scalarset value. Rumur rejects this too.
type
  node: scalarset(3);

var
  x: array [1 .. 3] of boolean;
  n: node;

startstate begin
  undefine n;
  clear x;
  -- error: indexing an array over 1..3 with a value of type node breaks symmetry
  x[n] := true;
end;
