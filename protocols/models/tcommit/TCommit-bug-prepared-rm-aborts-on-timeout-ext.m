-- TCommit, bugged, with Ballot's extensions: the twin of TCommit-bug-prepared-rm-aborts-on-timeout.m.
--
-- Source: TCommit-ext.m with the rule "TimeoutAbort" of the plain bugged variant: a prepared RM aborts
-- on a timeout even after another RM committed. There
-- is no message: the only extension used is the declared initial value, which replaces the start state.
-- Parameters: NUM_RM = 3 (a scalarset). Property: "TCConsistent".
-- Expected results (ballot check --deadlock-detection off): invariant "TCConsistent" violated under
-- every symmetry mode; shortest counterexample: 6 steps (5 transitions), as for the plain twin.
-- ballot: deadlock-detection off
const NUM_RM: 3;

type
  RM: scalarset(NUM_RM);
  RMState: enum { working, prepared, committed, aborted };

var rmState: array [RM] of RMState := working;

ruleset rm: RM do
  rule "Prepare" rmState[rm] = working ==> rmState[rm] := prepared; end;
  rule "DecideCommit"
    rmState[rm] = prepared & forall r: RM do rmState[r] = prepared | rmState[r] = committed end
  ==> rmState[rm] := committed; end;
  rule "DecideAbort"
    (rmState[rm] = working | rmState[rm] = prepared) & forall r: RM do rmState[r] != committed end
  ==> rmState[rm] := aborted; end;
  -- BUG: a prepared RM gives up waiting and aborts, whatever the others decided.
  rule "TimeoutAbort" rmState[rm] = prepared ==> rmState[rm] := aborted; end;
end;

invariant "TCConsistent"
  forall rm1: RM do forall rm2: RM do !(rmState[rm1] = aborted & rmState[rm2] = committed) end end;
