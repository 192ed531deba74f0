-- A var parameter needs an assignable argument.
var
  x: 0 .. 3;

procedure p(var a: 0 .. 3); begin
  a := 1;
end;

startstate begin
  x := 0;
  -- error: var parameter
  p(x + 1);
end;
