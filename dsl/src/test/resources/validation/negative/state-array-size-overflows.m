-- Sizes whose product overflows a 64-bit integer are still caught (2^62 elements of 63 bits each).
type
  -- error: too large to store: a value needs more than 2^63 bits
  big: array [0 .. 4611686018427387902] of 0 .. 4611686018427387903;

var
  x: boolean;

startstate begin
  x := true;
end;
