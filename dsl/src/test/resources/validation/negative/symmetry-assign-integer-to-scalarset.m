-- A scalarset variable takes only values of its own scalarset type: not an integer literal, an integer constant,
-- or a range value. Rumur rejects these too ("invalid assignment from incompatible type").
const
  N: 3;

type
  node: scalarset(N);
  idx: 1 .. N;

var
  x: node;
  r: idx;

startstate begin
  r := 1;
  -- error: assigning a value of type integer to a target of type node breaks symmetry
  x := 1;
  -- error: not with integers
  x := N;
  -- error: assigning a value of type idx to a target of type node breaks symmetry
  x := r;
end;
