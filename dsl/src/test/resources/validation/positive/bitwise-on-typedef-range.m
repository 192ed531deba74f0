-- '&' / '|' are bitwise when the left operand's type is a *named* range type.
-- Note: only Rumur >= 2023 accepts this (corpus amp-with-typedef.m, pipe-with-typedef.m);
-- the installed rumur v2022.08.20 wrongly treats these as logical operators and rejects the model.
type
  foo_t: 0 .. 1;

var
  x: foo_t;

startstate begin
  x := 0;
end;

rule begin
  x := 1 - (x & x);
end;

rule begin
  x := x | 1;
end;
