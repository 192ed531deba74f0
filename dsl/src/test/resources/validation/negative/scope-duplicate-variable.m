-- Two declarations of the same name in one scope.
var
  a: boolean;
  -- error: already declared
  a: 0 .. 2;

startstate begin
  a := 0;
end;
