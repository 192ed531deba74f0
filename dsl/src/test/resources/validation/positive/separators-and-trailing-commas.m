-- Optional/extra semicolons, missing semicolons, trailing commas in lists and argument lists.
const N: 2 M: 3;;
type
  e: enum { A, B, };
  r: record a: boolean b: 0 .. 1 end
var
  x, y,: 0 .. 3
  z: e;

function add(a: 0 .. 3; b: 0 .. 3;): 0 .. 6
begin
  return a + b
end

startstate begin
  x := 0; y := 1;; z := A
end;;;

rule begin
  x := add(x, 1,) % 4;
  y := 3 - y
end

rule begin put "separators ok"; put x end
