-- Declarations are visible only after the point of declaration; a later 'var' section does not help.
var
  x: boolean;

startstate begin
  x := true;
  -- error: not declared
  y := true;
end;

var
  y: boolean;

rule begin
  x := !x;
end;
