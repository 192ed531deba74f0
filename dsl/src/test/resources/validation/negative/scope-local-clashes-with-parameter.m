-- Parameters and the function's local declarations share one scope.
var
  x: 0 .. 3;

procedure p(y: boolean);
  -- error: already declared
  var y: boolean;
begin
  y := true;
end;

startstate begin
  x := 0;
end;
