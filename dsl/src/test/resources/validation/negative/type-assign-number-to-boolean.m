-- Booleans and integers do not mix.
var
  x: boolean;

startstate begin
  -- error: incompatible types
  x := 1;
end;
