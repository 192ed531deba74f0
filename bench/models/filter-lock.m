-- Benchmark: Peterson's filter lock for N processes (mutual exclusion for N > 2).
const
  N: 6;

type
  pid: 1 .. N;
  lvl: 0 .. N - 1;
  pc_t: enum { idle, setting, waiting, critical };

var
  level: array [pid] of lvl;
  victim: array [1 .. N - 1] of pid;
  cur: array [pid] of lvl;
  pc: array [pid] of pc_t;

startstate
begin
  for p: pid do
    level[p] := 0;
    cur[p] := 0;
    pc[p] := idle;
  end;
  for l := 1 to N - 1 do
    victim[l] := 1;
  end;
end;

ruleset p: pid do
  rule "start"
    pc[p] = idle ==>
  begin
    cur[p] := 1;
    pc[p] := setting;
  end;

  rule "announce"
    pc[p] = setting ==>
  begin
    level[p] := cur[p];
    victim[cur[p]] := p;
    pc[p] := waiting;
  end;

  rule "climb"
    pc[p] = waiting
    & (victim[cur[p]] != p | !(exists q: pid do q != p & level[q] >= cur[p] end)) ==>
  begin
    if cur[p] = N - 1 then
      pc[p] := critical;
    else
      cur[p] := cur[p] + 1;
      pc[p] := setting;
    end;
  end;

  rule "leave"
    pc[p] = critical ==>
  begin
    level[p] := 0;
    cur[p] := 0;
    pc[p] := idle;
  end;
end;

invariant "mutual exclusion"
  forall p: pid do forall q: pid do (p != q & pc[p] = critical) -> pc[q] != critical end end;
