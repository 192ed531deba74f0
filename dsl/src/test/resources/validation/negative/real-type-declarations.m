-- real(precision, exponent) as CMurphi limits it: 1..15 digits, exponents 10..308; reals do not index arrays,
-- are not quantified over and are not matched by switch.
type
  -- error: precision of a real must be between 1 and 15
  tooPrecise: real(16, 10);
  -- error: exponent of a real must be between 10 and 308
  tooSmall: real(4, 9);
  -- error: must not be real
  byReal: array [real(4, 10)] of boolean;
  -- error: real needs two arguments
  oneArg: real(4);
  ok: real(4, 10);
var
  x: ok;
  i: 0..1;

procedure p(var y: ok);
begin
  y := 0.5;
end;

startstate begin
  x := 0.0;
  i := 0;
  -- error: a quantifier must range over a simple type
  for q : ok do x := q; end;
  -- error: switch on a real value
  switch x case 1.0: i := 1; end;
  -- error: var parameter 'y' is real
  p(i);
end;
