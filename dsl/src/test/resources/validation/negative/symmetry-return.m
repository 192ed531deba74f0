-- A function returning a scalarset returns values of that scalarset only; a function returning an integer
-- cannot return a scalarset value. Rumur rejects these too ("returning incompatible typed value from a function").
type
  node: scalarset(3);

var
  x: node;
  y: 0 .. 3;

function first(): node;
begin
  -- error: returning a value of type integer from function 'first', which returns node, breaks symmetry
  return 0;
end;

function number(n: node): 0 .. 3;
begin
  -- error: returning a value of type node from function 'number'
  return n;
end;

startstate begin
  x := first();
  y := number(x);
end;
