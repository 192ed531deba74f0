-- An array indexed by a scalarset takes only values of that scalarset as indexes: not integer literals, range
-- values, or the variables of integer loops and rulesets. Rumur rejects these too ("array indexed using an
-- expression of incorrect type").
const
  N: 3;

type
  node: scalarset(N);
  idx: 1 .. N;

var
  a: array [node] of boolean;
  r: idx;

startstate begin
  r := 1;
  -- error: indexing an array over node with a value of type integer breaks symmetry
  a[1] := true;
  -- error: indexing an array over node with a value of type idx breaks symmetry
  a[r] := false;
  for k := 1 to N do
    -- error: not with integers
    a[k] := false;
  end;
end;

ruleset k: idx do
  -- error: indexing an array over node
  rule a[k] ==> begin
    r := k;
  end;
end;
