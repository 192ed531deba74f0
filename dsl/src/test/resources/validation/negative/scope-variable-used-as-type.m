-- A variable name is not a type.
var
  x: 0 .. 3;
  -- error: not a type
  y: x;

startstate begin
  x := 0;
end;
