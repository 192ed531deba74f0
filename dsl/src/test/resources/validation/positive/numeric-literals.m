-- Hex (0x/0X, any case), octal (leading 0), decimal, negative bounds, unary plus/minus.
const
  H: 0x1F;
  H2: 0XfF;
  O: 010;                  -- octal: 8
  Z: 0;

var
  x: -8 .. 0x1f;
  y: 0 .. 0XFF;

startstate begin
  x := -O;
  y := H2 - 0xf0;
end;

rule begin
  x := +H - 2 * - - 0;
  y := O + 07;
end;

invariant x >= -8 & y <= 255 & H = 31 & O = 8 & Z = 0;

rule begin
  y := 0xff - y;
end;
