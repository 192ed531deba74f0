-- if conditions must be boolean.
var
  x: 0 .. 10;

startstate begin
  x := 1;
  -- error: must be boolean
  if x then x := 3 - x; end;
end;
