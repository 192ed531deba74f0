-- Range bounds must be compile-time constants.
var
  x: 0 .. 3;
  -- error: not a constant
  y: 0 .. x;

startstate begin
  x := 1;
end;
