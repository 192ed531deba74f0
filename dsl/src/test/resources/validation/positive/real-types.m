-- CMurphi's real(precision, exponent) types: literals, constants, mixed integer and real arithmetic, math
-- functions, and names of math functions that a model declares itself (they shadow the built-ins: here exp
-- is a variable and log a function of integers).
const
  half: 0.5;
  scaled: half * 3 + 1;
type
  money: real(6, 20);
  coarse: real(1, 10);
  pair: record a: money; b: coarse; end;
var
  m: money;
  c: coarse;
  p: pair;
  n: 0..5;
  exp: boolean;

function log(x: 0..5): 0..5;
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
  n := log(2);
  exp := true;
end;

rule "arith" m < 1000.0 & n >= 1 ==> begin
  m := twice(m) / n + sqrt(16) - pow(2.0, 0.5) * fabs(p.a);
  c := floor(m) - ceil(c) + fmod(7.5, 2);
end;

rule "infinite" m > 0 ==> begin
  -- warning: the result is infinite
  if m / 0 > 1.0 then m := 1; endif;
end;

rule "compare" m != p.a & isundefined(p.b) = false & n > m - 2000 ==> begin
  p.b := sin(0) + cos(0.0) + tan(0) + asin(0) + acos(1) + atan(0) + sinh(0) + cosh(0) + tanh(0)
       + log10(10);
end;

invariant "finite" m >= -1000000 & m = m;
