-- Field names of a record must be distinct.
type
  foo_t: record
    a: boolean;
    -- error: duplicate field
    a: 0 .. 2;
  end;

var
  y: foo_t;

startstate begin
  y.a := true;
end;
