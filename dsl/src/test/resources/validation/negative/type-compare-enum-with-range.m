-- '=' needs operands of compatible type.
type
  e: enum { A, B };

var
  x: e;
  y: 0 .. 3;

startstate begin
  x := A;
  y := 0;
  -- error: not comparable
  if x = y then y := 1; end;
end;
