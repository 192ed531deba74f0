-- Indexing something that is not an array.
var
  x: 0 .. 10;

startstate begin
  -- error: not an array
  x := x[0];
end;
