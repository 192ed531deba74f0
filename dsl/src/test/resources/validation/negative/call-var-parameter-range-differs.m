-- A range-typed var parameter needs an argument with exactly the same bounds.
var
  y: 0 .. 5;

procedure p(var a: 0 .. 3); begin
  a := 1;
end;

startstate begin
  y := 0;
  -- error: var parameter
  p(y);
end;
