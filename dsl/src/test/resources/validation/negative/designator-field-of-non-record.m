-- Field access on something that is not a record.
type
  t: enum { A, B };

var
  x: t;

startstate begin
  -- error: not a record
  x := x.A;
end;
