-- Use of a name that is declared nowhere.
var
  x: 0 .. 3;

startstate begin
  -- error: not declared
  x := y;
end;
