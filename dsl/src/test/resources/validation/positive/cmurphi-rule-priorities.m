-- CMurphi's rule priorities: a number before the rule's name. A Rumur guard that starts with a number still parses.
var
  x: 0 .. 3;

startstate begin
  x := 0;
end;

rule 20 "step" x < 3 ==>
  x := x + 1;
end;

ruleset i: 0 .. 1 do
  rule 0x5 "hex priority" x = i ==>
    x := 3;
  end;
end;

rule 1 = x ==>
  x := 0;
end;

rule 90 "no guard"
begin
  x := x;
end;
