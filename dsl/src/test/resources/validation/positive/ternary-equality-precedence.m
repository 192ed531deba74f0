-- '?:' ternary, '==' as a synonym of '=', '->' implication, and precedence subtleties.
var
  x: 0 .. 3;
  b: boolean;

startstate begin
  x := 1;
  b := x == 1;
end;

rule begin
  x := b ? 2 : 1;
  b := !x = 1;             -- '!' binds looser than '=': parsed as !(x = 1)
  b := x = 1 & x = 2 | b;  -- comparisons bind tighter than & and |
  b := x > 0 -> b;
  x := (x = 1 ? 3 : (x = 2 ? 0 : 1));   -- nested ternaries need parentheses
end;

rule begin
  b := !b;
end;
