-- Argument count must match the parameter count.
var
  x: boolean;

function foo(a: boolean): boolean; begin
  return a;
end;

startstate begin
  x := true;
  -- error: wrong number of arguments
  x := foo(x, x);
end;
