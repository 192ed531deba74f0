-- Constant folding that ignores a non-constant operand: 0 * f(), 0 / f(), 0 % f(), 0 << f(), 0 >> f(),
-- false ? f() : 1, false & f(), true | f(), false -> f().
-- Note: only Rumur >= 2023 accepts these (corpus const-folding*.m); rumur v2022.08.20 rejects them.
function f(): 0 .. 1 begin
  return 1;
end;

function g(): boolean begin
  return true;
end;

var
  a: 0 * f() .. 1;
  b: 0 / f() .. 1;
  c: 0 % f() .. 1;
  d: 0 << f() .. 1;
  e: 0 >> f() .. 1;
  h: 0 .. false ? f() : 1;
  i: 0 .. (false & g()) ? 2 : 1;
  j: 0 .. (true | g()) ? 1 : 2;
  k: 0 .. (false -> g()) ? 1 : 2;

startstate begin
  a := 0; b := 0; c := 0; d := 0; e := 0; h := 0; i := 0; j := 0; k := 0;
end;
