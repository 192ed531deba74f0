const N: 3;
type Pid: scalarset(N); Phase: enum {idle, trying, critical, exiting};
var phase: array [Pid] of Phase; turn: Pid; count: 0 .. N;
startstate begin for p: Pid do phase[p] := idle end; undefine turn; count := 0 end;
ruleset p: Pid; q: Pid do
  rule "enter" phase[p] = trying & phase[q] != critical & (isundefined(turn) | turn = p) & count < N & forall r: Pid do phase[r] != critical | r = p end ==> begin
    phase[p] := critical; count := count + 1
  end;
  rule "leave"
    phase[p] = critical
    & count > 0
  ==> begin phase[p] := exiting; count := count - 1 end;
end;
invariant "mutual exclusion" forall p: Pid do forall q: Pid do p != q -> !(phase[p] = critical & phase[q] = critical) end end;
