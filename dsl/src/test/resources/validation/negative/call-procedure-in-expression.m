-- A procedure has no value, so it cannot be called inside an expression.
var
  x: 0 .. 10;

procedure foo(); begin
end;

startstate begin
  -- error: does not return a value
  x := 10 - foo();
end;
