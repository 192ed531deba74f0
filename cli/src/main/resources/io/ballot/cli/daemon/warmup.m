-- the daemon's warm-up model: most of the language, a few hundred states
const N: 2; MAX: 2;
type pid: scalarset(N);
     phase: enum { idle, trying, critical };
     count: 0..MAX;
     entry: record p: phase; c: count; end;
var procs: array [pid] of entry;
    turn: pid;
    total: count;
function busy(i: pid): boolean;
begin
  return procs[i].p = critical;
end;
procedure bump(var c: count);
begin
  if c < MAX then c := c + 1; else c := 0; endif;
end;
startstate "init"
begin
  for i: pid do procs[i].p := idle; procs[i].c := 0; end;
  undefine turn; total := 0;
end;
ruleset i: pid do
  rule "try" procs[i].p = idle ==> begin procs[i].p := trying; end;
  rule "enter" procs[i].p = trying & !exists j: pid do busy(j) endexists ==>
  begin
    alias e: procs[i] do e.p := critical; bump(e.c); end;
    turn := i;
  end;
  rule "leave" busy(i) ==>
  var k: count;
  begin
    k := procs[i].c;
    switch k case 0: total := 0; case 1, 2: bump(total); else total := total; endswitch;
    procs[i].p := idle;
    while k > 0 do k := k - 1; end;
  end;
end;
invariant "mutex" forall i: pid do forall j: pid do i != j -> !(busy(i) & busy(j)) endforall endforall;
invariant "bounded" total <= MAX;
