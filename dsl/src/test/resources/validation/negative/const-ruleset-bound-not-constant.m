-- Ruleset quantifiers must have constant bounds (for loops, forall and exists need not).
var
  x: 0 .. 3;

startstate begin
  x := 0;
end;

-- error: not a constant
ruleset i := 0 to x do
  rule begin
    x := i;
  end;
end;
