-- A counted loop cannot start or end at a scalarset value (it has no numeric value); loop over the type instead.
type
  node: scalarset(3);

var
  x: node;
  b: boolean;

startstate begin
  undefine x;
  -- error: a loop bounded by scalarset values breaks symmetry
  for k := x to 3 do
    b := true;
  end;
end;
