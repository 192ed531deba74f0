-- A scalarset value may be compared (= or !=) only with a value of the same scalarset type, never with an integer
-- literal, an integer constant or a range value. Rumur rejects these too ("expressions are not comparable").
const
  N: 3;

type
  node: scalarset(N);
  idx: 1 .. N;

var
  x: node;
  r: idx;
  b: boolean;

startstate begin
  undefine x;
  r := 1;
  -- error: comparing values of types node and integer breaks symmetry
  b := x = 2;
  -- error: not with integers
  b := x != N;
  -- error: comparing values of types node and idx breaks symmetry
  b := x = r;
end;
