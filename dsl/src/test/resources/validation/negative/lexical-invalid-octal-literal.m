-- A literal with a leading 0 is octal, so '09' is not a number.
var
  -- error: invalid number
  x: 0 .. 09;

startstate begin
  x := 1;
end;
