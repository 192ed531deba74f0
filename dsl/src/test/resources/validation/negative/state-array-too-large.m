-- An array whose values need 2^31 bits or more cannot be stored in a state (9,000,000,009 bits here).
var
  -- error: this array of 1000000001 elements is too large to store
  a: array [0 .. 1000000000] of 0 .. 255;

startstate begin
end;
