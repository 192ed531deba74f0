-- The index must be compatible with the array's index type (an enum-indexed array takes enum values).
type
  e: enum { A, B };

var
  x: array [e] of boolean;

startstate begin
  clear x;
  -- error: incompatible types
  x[0] := true;
end;
