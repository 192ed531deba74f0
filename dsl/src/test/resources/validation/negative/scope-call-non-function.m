-- Calling something that is not a function or procedure.
var
  x: 0 .. 3;

startstate begin
  -- error: not a function
  x();
end;
