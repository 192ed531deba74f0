-- 2^64-1 cannot be stored: with 64-bit values, one of the 2^64 codes means "undefined" (Rumur rejects it too).
var
  -- error: too large
  x: 0 .. 0xffffffffffffffff;

startstate begin
  x := 0;
end;
