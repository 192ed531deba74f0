-- isundefined only applies to simple types.
var
  x: array [0 .. 1] of boolean;
  b: boolean;

startstate begin
  clear x;
  -- error: simple type
  b := isundefined(x);
end;
