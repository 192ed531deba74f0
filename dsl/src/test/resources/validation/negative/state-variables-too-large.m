-- Each variable fits (900,000,009 bits) but together they exceed what a state can hold: the error is at the
-- variable that makes the state too large.
var
  a: array [0 .. 100000000] of 0 .. 255;
  b: array [0 .. 100000000] of 0 .. 255;
  -- error: the state is too large: with 'c' its variables need 2,700,000,027 bits
  c: array [0 .. 100000000] of 0 .. 255;

startstate begin
end;
