-- Real arithmetic through functions, math functions and mixed integer operands.
-- CMurphi 5.4.9 (-ndl): 38005 states, 111860 rules fired, no violation.
const
  k: 0.3;
  third: 1.0 / 3;
type
  r: real(3, 20);
  small: 0..4;
var
  x, y: r;
  i: small;
function f(a: r; b: r): r;
begin
  return a * k + b / 7;
end;
procedure g(var z: r; n: small);
begin
  z := z + sqrt(n) - fabs(z) * third;
  if z < -50 | z > 50 then z := z / 1000; endif;
end;
startstate begin x := 0.5; y := -2; i := 0; end;
rule "f" i < 4 ==> begin x := f(x, i) + pow(2, i); i := i + 1; end;
rule "g" x > y ==> begin g(y, i); end;
rule "trig" true ==> begin y := floor(sin(x) * 10) / 10 + log10(i + 1); end;
rule "reset" i = 4 & x >= 1 ==> begin i := 0; x := exp(0 - i) * 0.25; end;
invariant "x small" x < 100.0;
