-- A type name is not a value.
type
  t: boolean;

var
  x: boolean;

startstate begin
  -- error: not a value
  x := t;
end;
