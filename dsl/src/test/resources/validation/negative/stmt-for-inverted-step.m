-- A constant step whose sign disagrees with constant bounds makes a loop that never ends.
var
  x: boolean;

startstate begin
  x := true;
  -- error: loop step
  for i := 0 to 10 by -1 do end;
end;
