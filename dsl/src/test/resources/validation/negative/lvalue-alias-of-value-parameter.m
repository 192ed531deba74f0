-- An alias inherits the read-only-ness of what it names.
var
  x: 0 .. 3;

procedure p(a: 0 .. 3); begin
  alias b: a do
    -- error: not assignable
    b := 1;
  end;
end;

startstate begin
  x := 0;
end;
