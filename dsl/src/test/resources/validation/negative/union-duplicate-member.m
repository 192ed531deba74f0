-- A union may not name the same type twice; two scalarsets of the same size are different members, so they are
-- allowed (positive/union-same-size-scalarsets.m), and so are two enums with different members.
type
  S: scalarset(2);
  Color: enum { red, green };
  Shade: enum { red2, green2 };
  -- error: type appears twice in union
  U1: union { S, Color, S };
  U3: union { Color, Shade };
var
  u: U3;

startstate begin
  u := red;
end;

rule "shade" true ==>
  u := green2;
end;
