-- put of a complex (record/array) value is only supported for designators, not e.g. function results.
type
  r_t: record a: boolean; end;

var
  r: r_t;

function f(): r_t;
  var t: r_t;
begin
  t.a := true;
  return t;
end;

startstate begin
  -- error: not supported
  put f();
end;
