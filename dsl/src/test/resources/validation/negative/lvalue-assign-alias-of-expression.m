-- An alias of a non-designator expression is read-only.
var
  x: 0 .. 3;

startstate begin
  x := 0;
  alias a: x + 1 do
    -- error: not assignable
    a := 1;
  end;
end;
