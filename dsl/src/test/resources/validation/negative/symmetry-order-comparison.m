-- Scalarset values are unordered: '<', '<=', '>', '>=' would distinguish values that symmetry reduction treats
-- as interchangeable, even between two values of the same scalarset type. Rumur rejects these too ("expressions
-- are not comparable").
type
  node: scalarset(3);

var
  x, z: node;
  b: boolean;

startstate begin
  undefine x;
  undefine z;
  -- error: ordering comparison on scalarset values breaks symmetry
  b := x < z;
  -- error: may only be compared with = or !=
  b := x >= 2;
end;
