-- A parameter without 'var' is read-only inside the function.
var
  x: 0 .. 3;

procedure p(y: 0 .. 3); begin
  -- error: not assignable
  y := 1;
end;

startstate begin
  x := 0;
  p(x);
end;
