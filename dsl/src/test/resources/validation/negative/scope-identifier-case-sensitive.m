-- Keywords are case-insensitive but identifiers are case-sensitive: 'X' is not 'x'.
var
  x: 0 .. 3;

startstate begin
  -- error: not declared
  X := 1;
end;
