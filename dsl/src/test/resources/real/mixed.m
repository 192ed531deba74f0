-- Real types of several precisions in records, constants, built-in math functions and a function of integers.
-- CMurphi 5.4.9 (-ndl): 552 states, 1102 rules fired, no violation.
const
  half: 0.5;
  scaled: half * 3 + 1;
type
  money: real(6, 20);
  coarse: real(1, 10);
  small: 0..5;
  pair: record a: money; b: coarse; end;
var
  m: money;
  c: coarse;
  p: pair;
  n: small;


function lg(x: small): small;
begin
  return x;
end;

function twice(x: money): money;
begin
  return 2 * x;
end;

startstate begin
  m := 1;
  c := scaled;
  p.a := -0.25;
  p.b := m;
  n := lg(2);

end;

rule "arith" m < 1000.0 & n >= 1 ==> begin
  m := twice(m) / n + sqrt(16) - pow(2.0, 0.5) * fabs(p.a);
  c := floor(m) - ceil(c) + fmod(7.5, 2);
end;

rule "compare" m != p.a & n > m - 2000 ==> begin
  p.b := sin(0) + cos(0.0) + tan(0) + asin(0) + acos(1) + atan(0) + sinh(0) + cosh(0) + tanh(0)
       + log10(10);
end;

invariant "finite" m >= -1000000 & m = m;
