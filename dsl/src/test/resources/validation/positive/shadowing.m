-- Inner scopes may redeclare names from outer scopes (only same-scope duplicates are errors).
type
  e: enum { A, B };

var
  x: 0 .. 3;
  y: boolean;

procedure p(x: boolean);   -- parameter shadows the global 'x'
  var y: 0 .. 1;           -- local shadows the global 'y'
begin
  y := 1;
end;

startstate
  var x: boolean;          -- rule-local shadows the global 'x'
begin
  x := true;
  y := x;
end;

ruleset i: 0 .. 1 do
  rule
    var A: boolean;        -- local shadows an enum member
  begin
    A := i = 1;
    for i := 0 to 1 do     -- loop variable shadows the ruleset parameter
      for i := 0 to 2 do   -- and a nested loop shadows that one
        y := i = 2 & A;
      end;
    end;
    for x := 0 to 1 do     -- loop variable shadows a state variable
      y := x = 1;
    end;
  end;
end;

rule begin
  y := !y;
end;
