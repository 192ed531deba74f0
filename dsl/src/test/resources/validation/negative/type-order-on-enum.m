-- '<', '<=', '>', '>=' are only defined on integer (range) operands, not enums or scalarsets.
type
  e: enum { A, B };

var
  x: e;
  y: boolean;

startstate begin
  x := A;
  -- error: not comparable
  y := x < B;
end;
