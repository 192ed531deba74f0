-- Scalarset values are not integers.
type
  s: scalarset(3);

var
  x: s;
  y: 0 .. 3;

startstate begin
  undefine x;
  -- error: integer operand
  y := x + 1;
end;
