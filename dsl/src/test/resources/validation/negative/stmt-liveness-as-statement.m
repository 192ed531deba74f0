-- liveness is only allowed as a top-level property, not as a statement.
var
  x: boolean;

startstate begin
  x := true;
end;

rule begin
  x := !x;
  -- error: liveness
  liveness "not allowed" x | !x;
end;
