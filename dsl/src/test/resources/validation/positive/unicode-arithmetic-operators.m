-- Unicode arithmetic operators ÷ (U+00F7), ∕ (U+2215), × (U+00D7), − (U+2212).
-- Note: only Rumur >= 2023 accepts these (corpus unicode-div.m, unicode-mul.m, unicode-sub.m);
-- the installed rumur v2022.08.20 rejects them with "unexpected character".
var
  x: 1 .. 2;

startstate begin
  x := 1;
end;

rule begin
  x := 2 ÷ x;
end;

rule begin
  x := 2 ∕ x;
end;

rule begin
  x := 3 − x;
end;

rule x = 1 ==> begin
  x := 2 × x;
end;
