-- A constant cannot be initialised with a function call (calls are never constant).
var
  x: boolean;

function foo(): boolean; begin
  return true;
end;

startstate begin
  x := true;
end;

rule
  -- error: not a constant
  const N: foo();
begin
  x := !x;
end;
