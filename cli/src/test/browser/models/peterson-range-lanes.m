-- Peterson's mutual exclusion (protocols/models/peterson.m) with an extra invariant that fails on purpose: a
-- test model of the trace viewer for process lanes over a range type (pid: 0 .. 1), not a scalarset.
-- Peterson's mutual exclusion algorithm for two processes.
-- Invariant: the two processes are never both in their critical sections.

type
  pid: 0 .. 1;
  phase: enum { idle, want, waiting, critical };

var
  state: array [pid] of phase;
  flag: array [pid] of boolean;
  turn: pid;

ruleset p: pid do
  rule "request"
    state[p] = idle ==>
  begin
    flag[p] := true;
    state[p] := want;
  end;

  rule "yield turn"
    state[p] = want ==>
  begin
    turn := 1 - p;
    state[p] := waiting;
  end;

  rule "enter"
    state[p] = waiting & (!flag[1 - p] | turn = p) ==>
  begin
    state[p] := critical;
  end;

  rule "leave"
    state[p] = critical ==>
  begin
    flag[p] := false;
    state[p] := idle;
  end;
end;

startstate "both idle"
begin
  for p: pid do
    state[p] := idle;
    flag[p] := false;
  end;
  turn := 0;
end;

invariant "process 0 never enters" !(state[0] = critical);

invariant "mutual exclusion"
  !(state[0] = critical & state[1] = critical);
