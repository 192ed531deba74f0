-- The returned value must be compatible with the declared return type.
var
  x: 0 .. 3;

function f(): boolean; begin
  -- error: incompatible types
  return 1;
end;

startstate begin
  x := 0;
end;
