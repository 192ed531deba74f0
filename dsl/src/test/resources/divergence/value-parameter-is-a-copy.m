-- A value parameter is a copy of its argument, taken at the call: q(g) sees 1 even after it sets g to 5. Rumur
-- 2022.08.20 agrees (seen:1); CMurphi 5.4.9 prints seen:5, because its generated C++ passes value parameters as
-- const references (mu_1__type_0& v), so the parameter shows the write to the variable it was passed from.
type T: 0 .. 9;
var g: T; seen: T;
procedure q(v: T); begin g := 5; seen := v; end;
startstate begin g := 1; seen := 0; q(g); end;
rule "again" g != 1 ==> begin g := 1; q(g); end;
invariant "the copy" seen = 1;
