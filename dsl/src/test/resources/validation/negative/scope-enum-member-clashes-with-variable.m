-- An enum member and a variable with the same name in the same (global) scope.
type
  t: enum { A, B };

var
  -- error: already declared
  A: boolean;

startstate begin
  A := true;
end;
