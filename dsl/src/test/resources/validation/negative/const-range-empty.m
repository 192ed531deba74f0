-- The upper bound of a range may not be below its lower bound.
type
  -- error: empty range
  foo_t: array [8 .. 1] of boolean;

var
  x: foo_t;

startstate begin
  x[1] := true;
end;
