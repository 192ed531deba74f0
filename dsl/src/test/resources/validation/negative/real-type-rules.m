-- CMurphi's typing of reals: integers convert to real, never back; = compares reals with reals only; no %.
type
  r: real(4, 10);
var
  x: r;
  i: 0..3;
  a: array [0..1] of r;

startstate begin
  x := 1;
  i := 0;
  -- error: incompatible types
  i := x;
  -- error: not comparable
  if x = 1 then x := 2; endif;
  -- error: '%' needs integer operands
  x := x % 2;
  -- error: '<<' needs integer operands
  x := x << 1;
  -- error: array index has type
  a[x] := 0.5;
  -- error: is a type, not a value
  x := real(4, 10);
  -- error: wrong number of arguments to 'pow'
  x := pow(2);
  -- error: needs integer or real arguments
  x := sqrt(true);
end;
