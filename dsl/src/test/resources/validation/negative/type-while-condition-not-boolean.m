-- while conditions must be boolean.
var
  x: 0 .. 10;

startstate begin
  x := 5;
  -- error: must be boolean
  while x do x := 6 - x; end;
end;
