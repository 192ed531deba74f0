-- Case labels must be compatible with the switch expression.
var
  x: 0 .. 3;

startstate begin
  x := 0;
  switch x
    -- error: incompatible types
    case true: x := 1;
  end;
end;
