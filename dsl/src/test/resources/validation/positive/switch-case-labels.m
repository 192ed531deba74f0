-- Case labels need not be constant or distinct; several labels per case; else is optional.
var
  x: 0 .. 3;
  y: 0 .. 3;

startstate begin
  x := 0;
  y := 1;
end;

rule begin
  switch x
    case y, 2:             -- a non-constant label
      x := 3;
    case 1:
      x := 2;
    case 1:                -- a duplicate label (never reached)
      x := 0;
    else
      x := 1;
  end;
end;
