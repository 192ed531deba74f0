-- '!' needs a boolean operand.
var
  x: 0 .. 3;
  b: boolean;

startstate begin
  x := 1;
  -- error: must be boolean
  b := !x;
end;
