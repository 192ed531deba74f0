-- A scalarset value cannot be stored in an integer range: the number would tell interchangeable values apart.
-- Rumur rejects this too ("invalid assignment from incompatible type").
type
  node: scalarset(3);
  idx: 1 .. 3;

var
  x: node;
  r: idx;

startstate begin
  undefine x;
  -- error: assigning a value of type node to a target of type idx breaks symmetry
  r := x;
end;
