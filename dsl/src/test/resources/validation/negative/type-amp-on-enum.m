-- '&' with a non-integer left operand is logical AND, so both operands must be boolean.
var
  x: enum { A, B };
  y: boolean;

startstate begin
  -- error: must be boolean
  y := A & B;
end;
