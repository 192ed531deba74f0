-- Two parameters with the same name.
var
  x: 0 .. 3;

-- error: already declared
procedure p(a: 0 .. 3; a: boolean); begin
end;

startstate begin
  x := 0;
end;
