-- '~' needs an integer operand.
type
  t: enum { A, B };

var
  x: t;

startstate begin
  -- error: integer operand
  x := ~A;
end;
