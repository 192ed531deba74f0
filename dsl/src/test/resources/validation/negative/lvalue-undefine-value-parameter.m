-- undefine needs an assignable designator.
var
  x: 0 .. 3;

procedure p(a: 0 .. 3); begin
  -- error: not assignable
  undefine a;
end;

startstate begin
  x := 0;
end;
