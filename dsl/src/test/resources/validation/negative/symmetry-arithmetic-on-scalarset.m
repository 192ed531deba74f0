-- Scalarset values have no numeric value: arithmetic on them (binary or unary) would tell apart values that
-- symmetry reduction treats as interchangeable. Rumur rejects these too ("expressions are incompatible in
-- arithmetic expression", "expression cannot be negated").
type
  node: scalarset(3);

var
  x: node;
  y: 0 .. 3;

startstate begin
  undefine x;
  -- error: arithmetic on scalarset values breaks symmetry
  y := x + 1;
  -- error: arithmetic on scalarset values breaks symmetry
  y := 2 * x;
  -- error: arithmetic on scalarset values breaks symmetry
  y := x % 2;
  -- error: arithmetic on scalarset values breaks symmetry
  y := -x;
end;
