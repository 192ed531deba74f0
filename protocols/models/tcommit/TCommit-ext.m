-- TCommit, with Ballot's extensions: the twin of TCommit.m (same spec, same states).
--
-- Source: TCommit.m in this directory, a port of TCommit.tla (TLA+ Examples, RM = {r1, r2, r3}). There
-- is no message: the only extension used is the declared initial value, which replaces the start state.
-- Parameters: NUM_RM = 3 (a scalarset). Property: "TCConsistent".
-- Expected results (ballot check --deadlock-detection off): holds; states: 34 off (TLC: 34),
-- 13 heuristic, 13 exhaustive; Depth: 6 -- identical to TCommit.m.
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
end;

invariant "TCConsistent"
  forall rm1: RM do forall rm2: RM do !(rmState[rm1] = aborted & rmState[rm2] = committed) end end;
