-- Constant folding of a division by zero is an error (when the constant is folded, e.g. used as a bound).
const
  -- error: by zero
  N: 4 / 0;

var
  x: 0 .. N;

startstate begin
  x := 0;
end;
