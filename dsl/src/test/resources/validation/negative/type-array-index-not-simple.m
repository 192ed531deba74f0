-- An array index type must be simple (range, enum, boolean or scalarset).
type
  r: record f: boolean; end;

var
  -- error: simple type
  x: array [r] of boolean;

startstate begin
  clear x;
end;
