-- Whole-array assignment: nested range types must match exactly (only top-level ranges are interchangeable).
type
  a1: array [0 .. 1] of 0 .. 3;
  a2: array [0 .. 1] of 0 .. 4;

var
  a: a1;
  b: a2;

startstate begin
  clear a;
  -- error: incompatible types
  b := a;
end;
