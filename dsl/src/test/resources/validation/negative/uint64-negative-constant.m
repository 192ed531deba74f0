-- A value above 2^63-1 makes the model's integers unsigned 64-bit (Rumur's uint64_t value type); then no
-- constant may be negative, as Rumur finds no value type for such a model.
var
  big: 0 .. 0xfffffffffffffffe;
  -- error: is negative
  small: -1 .. 1;

startstate begin
  big := 0;
  small := 0;
end;
