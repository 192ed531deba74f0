-- The branches of '?:' cannot mix a scalarset with an integer: the result would carry a number into a scalarset
-- or a scalarset value into an integer. Rumur accepts 's := b ? s : 1' (the result has the first branch's type);
-- Ballot rejects it, since it would make symmetry reduction unsound.
type
  node: scalarset(3);

var
  s, z: node;
  b: boolean;

startstate begin
  undefine z;
  b := true;
  -- error: mixing types node and integer in the branches of '?:' breaks symmetry
  s := b ? z : 1;
end;
