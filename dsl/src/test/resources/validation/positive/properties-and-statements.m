-- Property forms: invariant/assert/assume/cover/liveness (top level, named, in rulesets), assert/assume/cover
-- statements, put, error, clear/undefine of aggregates, isundefined of scalars, quantified expressions.
type
  s_t: scalarset(2);
  r_t: record a: boolean; b: 0 .. 3; end;

var
  x: 0 .. 3;
  r: r_t;
  sv: s_t;
  arr: array [s_t] of boolean;

startstate begin
  x := 0;
  clear r;
  undefine arr;
  undefine sv;
end;

rule !isundefined(r.b) & x < 3 ==> begin
  x := x + 1;
  assert x > 0 "positive";
  assume x <= 3;
  cover "reached 2" x = 2;
  put "x is ";
  put x;
  put r;
  if x = 5 then error "unreachable"; end;
end;

rule x = 3 ==> begin
  x := 0;
  undefine r.b;
  r.b := 1;
end;

invariant "bounded" x <= 3;
assert exists i: 0 .. 3 do i = x end;
cover "one" x = 1;   -- (rumur 2022 generates broken C for an *unnamed* top-level cover)
liveness "eventually zero" x = 0;

ruleset i: s_t do
  invariant isundefined(arr[i]) | !isundefined(arr[i]);
end;
