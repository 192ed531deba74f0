-- const/type/var sections, functions and rules may be interleaved in any order; rules and startstates
-- have their own const/type/var declarations; startstates may sit in rulesets; rule names may repeat.
var
  x: 0 .. 3;

startstate begin
  x := 0;
end;

const
  LIMIT: 3;

function at_limit(v: 0 .. 3): boolean; begin
  return v = LIMIT;
end;

var
  y: boolean;

rule "r" !at_limit(x) ==>
  const STEP: 1;
  type local_t: enum { P, Q };
  var tmp: local_t;
begin
  tmp := P;
  x := x + STEP;
  y := tmp = Q;
end;

rule "r" at_limit(x) ==> begin
  x := 0;
  return;                  -- a bare return is allowed in a rule
end;

ruleset v: boolean do
  startstate "alt" begin
    x := 1;
    y := v;
  end;
end;
