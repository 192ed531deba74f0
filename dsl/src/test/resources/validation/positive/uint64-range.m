-- Values up to 2^64-2: the model's integers become unsigned 64-bit, as Rumur's uint64_t value type.
var
  x: 0 .. 0xfffffffffffffffe;

startstate begin
  x := 0xfffffffffffffffe;
end;

rule x > 0x7fffffffffffffff ==> begin
  x := x / 2;
end;
