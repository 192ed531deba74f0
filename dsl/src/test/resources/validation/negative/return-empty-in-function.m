-- A bare 'return' is not allowed in a function (one with a return type).
var
  x: 0 .. 3;

function f(): boolean; begin
  -- error: must return a value
  return;
end;

startstate begin
  x := 0;
end;
