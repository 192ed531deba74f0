-- The condition of '?:' must be boolean.
var
  x: 0 .. 3;

startstate begin
  x := 1;
  -- error: must be boolean
  x := x ? 1 : 2;
end;
