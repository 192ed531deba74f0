-- A multiset's slots count too: 3,000,000,000 slots of a presence bit and a 2-bit element.
var
  -- error: this multiset of 3000000000 elements is too large to store
  m: multiset [3000000000] of boolean;

startstate begin
end;
