-- clear needs an assignable designator.
const
  N: 2;

var
  x: 0 .. 3;

startstate begin
  -- error: not assignable
  clear N;
end;
