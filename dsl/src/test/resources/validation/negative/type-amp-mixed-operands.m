-- '&' with an integer left operand is bitwise AND, so a boolean right operand is an error.
var
  x: 0 .. 10;

startstate begin
  -- error: integer operand
  x := 2 & true;
end;
