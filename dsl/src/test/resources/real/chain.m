-- A chain of real values rounded to 4 digits. CMurphi 5.4.9: 46 states, 45 rules fired, then a deadlock;
-- with -ndl 53 states, 52 rules fired, no violation.
type
  r: real(4, 10);
var
  x: r;
  n: 0..3;
startstate begin x := 1.0; n := 0; end;
rule "step" n < 3 ==> begin x := x / 3 + 0.25; n := n + 1; end;
rule "grow" x < 2 ==> begin x := x * 2.5; end;
invariant "bounded" x <= 5.0;
