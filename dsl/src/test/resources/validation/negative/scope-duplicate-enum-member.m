-- Enum members are declared in the enclosing scope, so two enums cannot share a member name.
type
  t1: enum { A, B };
  -- error: already declared
  t2: enum { C, A };

var
  x: t1;

startstate begin
  x := A;
end;
