-- A scalarset needs a positive constant size.
type
  -- error: must be positive
  s: scalarset(0);

var
  x: boolean;

startstate begin
  x := true;
end;
