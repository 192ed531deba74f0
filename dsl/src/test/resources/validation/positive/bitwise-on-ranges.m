-- & and | on integer (range) operands are bitwise; ^ ~ << >> are integer-only.
var
  x: 0 .. 15;
  b: boolean;

startstate begin
  x := 5;
  b := true;
end;

rule begin
  x := (x & 3) | 8;
  x := (x ^ 0xf) & 15;
  x := (~x) & 0xf;
  x := (x << 1) >> 1 & 15;
  b := b & (x & 1) = 1 | !b;   -- bool & bool is logical; (x & 1) is bitwise
end;

rule begin
  x := 15 - x;
end;
