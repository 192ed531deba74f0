-- Unary '-' needs an integer operand.
var
  x: boolean;

startstate begin
  x := true;
  -- error: integer operand
  x := -x;
end;
