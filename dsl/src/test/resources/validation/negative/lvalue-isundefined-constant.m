-- isundefined needs a variable (designator that denotes storage), not a constant.
const
  N: 2;

var
  b: boolean;

startstate begin
  -- error: not a variable
  b := isundefined(N);
end;
