-- Enum types are compatible only with an enum of identical members.
type
  e1: enum { A, B };
  e2: enum { C, D };

var
  x: e1;

startstate begin
  -- error: incompatible types
  x := C;
end;
