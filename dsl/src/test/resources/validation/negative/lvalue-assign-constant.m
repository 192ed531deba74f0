-- Constants are not assignable.
const
  N: 0;

var
  x: boolean;

startstate begin
  -- error: not assignable
  N := 0;
end;
