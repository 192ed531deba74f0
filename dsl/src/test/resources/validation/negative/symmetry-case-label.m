-- A switch on a scalarset value cannot have integer case labels. Rumur rejects this too ("expression in case
-- cannot be compared to switch expression").
type
  node: scalarset(3);

var
  x: node;
  b: boolean;

startstate begin
  undefine x;
  switch x
  -- error: a case label of type integer in a switch on a value of type node breaks symmetry
  case 1:
    b := true;
  else
    b := false;
  end;
end;
