-- A constant zero step makes a loop that never ends.
var
  x: boolean;

startstate begin
  x := true;
  -- error: loop step
  for i := 0 to 10 by 0 do end;
end;
