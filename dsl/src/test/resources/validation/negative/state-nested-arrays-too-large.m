-- Nested arrays: the inner one fits, the outer one (100,000 x 200,002 bits) does not.
type
  inner: array [0 .. 100000] of boolean;
  -- error: this array of 100000 elements is too large to store
  outer: array [1 .. 100000] of inner;

var
  x: boolean;

startstate begin
  x := true;
end;
