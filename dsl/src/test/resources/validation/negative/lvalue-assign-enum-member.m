-- Enum members (and true/false) are constants.
type
  e: enum { A, B };

var
  x: e;

startstate begin
  -- error: not assignable
  A := B;
end;
