-- Bitwise operators read the numbering of scalarset values, which symmetry reduction permutes. Rumur rejects
-- these too.
type
  node: scalarset(3);

var
  x, z: node;
  y: 0 .. 7;

startstate begin
  undefine x;
  undefine z;
  -- error: bitwise operation on scalarset values breaks symmetry
  y := x ^ z;
  -- error: bitwise operation on scalarset values breaks symmetry
  y := x << 1;
  -- error: bitwise operation on scalarset values breaks symmetry
  y := ~x;
end;
