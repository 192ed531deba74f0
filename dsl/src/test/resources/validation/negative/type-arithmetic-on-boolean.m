-- Arithmetic (here '<<') needs integer operands.
var
  x: 0 .. 10;
  y: boolean;

startstate begin
  y := true;
  -- error: integer operand
  x := y << 1;
end;
