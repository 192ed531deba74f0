-- Argument types must be compatible with parameter types.
var
  x: 0 .. 3;

procedure p(a: 0 .. 3); begin
end;

startstate begin
  x := 0;
  -- error: incompatible types
  p(true);
end;
