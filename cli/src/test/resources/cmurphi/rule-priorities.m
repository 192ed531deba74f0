-- CMurphi's rule priorities: in each state only the enabled rule instances of the smallest priority fire (a rule
-- without one has priority 0). Here "reset" (priority 10) fires only where neither counter can step.
-- ballot_flags: --symmetry-reduction off --deadlock-detection off
-- expect: holds 10
-- CMurphi 5.4.9: ./m -nosym -ndl prints "10 states, 10 rules fired" and "No error found." (with the priorities
-- removed, the invariant fails)
var
  a: 0 .. 3;
  b: 0 .. 3;

startstate begin
  a := 0;
  b := 0;
end;

rule "step a" a < 3 ==>
  a := a + 1;
end;

rule 5 "step b" b < 3 ==>
  b := b + 1;
end;

rule 10 "reset" true ==>
  a := 0;
end;

invariant "b steps only when a is done" b > 0 -> a = 3 | b = 3
