-- switch needs a simple-typed expression.
var
  x: record y: boolean; end;

startstate begin
  x.y := true;
  -- error: simple type
  switch x
  end;
end;
