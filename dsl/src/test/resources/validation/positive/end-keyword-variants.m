-- Every construct may be closed with plain 'end' or its specific end keyword (procedure may even use endfunction).
type
  r_t: record f: boolean; endrecord;

var
  x: 0 .. 3;
  r: r_t;

function f(a: 0 .. 3): boolean; begin
  return a > 1;
endfunction;

procedure p(); begin
  x := 0;
endfunction;

procedure q(); begin
  x := 1;
endprocedure;

startstate begin
  x := 0;
  r.f := true;
endstartstate;

rule begin
  if f(x) then p(); elsif x = 0 then q(); else x := 2; endif;
  for i := 0 to 1 do x := i; endfor;
  while false do x := 0; endwhile;
  switch x case 0: x := 1; endswitch;
  alias a: r.f do a := !a; endalias;
  r.f := forall i: 0 .. 1 do true endforall & exists i: 0 .. 1 do true endexists;
endrule;

ruleset i: 0 .. 1 do
  rule begin x := i; end;
endruleset;
