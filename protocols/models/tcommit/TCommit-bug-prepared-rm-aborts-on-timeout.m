-- TCommit, bugged: a prepared resource manager that aborts on a timeout.
--
-- Source: TCommit.m in this directory (a port of TCommit.tla from the TLA+ Examples), with one rule
-- added. The bug is the best-known mistake in atomic commitment: a participant that has voted
-- "prepared" and then hears nothing times out and aborts unilaterally. Once it has prepared, an RM is
-- in the "uncertainty window" and must wait for the decision (2PC is blocking for this reason); the
-- correct DecideAbort lets it abort only while no RM has committed (notCommitted). Rule
-- "TimeoutAbort" drops that condition for a prepared RM, so it can abort after another RM committed.
--
-- Parameters: NUM_RM = 3 (RM a scalarset). Flags: --deadlock-detection off, as for TCommit.m.
-- Expected results: invariant "TCConsistent" violated under every symmetry mode (off, heuristic,
-- exhaustive); the shortest counterexample is 5 transitions, which Ballot prints as "End of the
-- counterexample (6 steps)" (it counts the start state as step 1): the three RMs prepare, one commits
-- (canCommit holds), and another prepared RM times out and aborts.
-- ballot: deadlock-detection off
const
  NUM_RM: 3;

type
  RM: scalarset(NUM_RM);
  RMState: enum { working, prepared, committed, aborted };

var
  rmState: array [RM] of RMState;

-- canCommit: every RM is prepared or committed.
function canCommit(): boolean;
begin
  return forall rm: RM do rmState[rm] = prepared | rmState[rm] = committed end;
end;

-- notCommitted: no RM has committed.
function notCommitted(): boolean;
begin
  return forall rm: RM do rmState[rm] != committed end;
end;

startstate "TCInit"
begin
  for rm: RM do
    rmState[rm] := working;
  end;
end;

ruleset rm: RM do
  -- Prepare(rm)
  rule "Prepare"
    rmState[rm] = working
  ==>
  begin
    rmState[rm] := prepared;
  end;

  -- Decide(rm), first disjunct: commit.
  rule "DecideCommit"
    rmState[rm] = prepared & canCommit()
  ==>
  begin
    rmState[rm] := committed;
  end;

  -- Decide(rm), second disjunct: abort.
  rule "DecideAbort"
    (rmState[rm] = working | rmState[rm] = prepared) & notCommitted()
  ==>
  begin
    rmState[rm] := aborted;
  end;
end;

-- BUG: a prepared RM that times out waiting for the decision aborts on its own (correct: it must wait,
-- and DecideAbort lets it abort only while notCommitted()).
ruleset rm: RM do
  rule "TimeoutAbort"
    rmState[rm] = prepared
  ==>
  begin
    rmState[rm] := aborted;
  end;
end;

invariant "TCConsistent"
  forall rm1: RM do forall rm2: RM do
    !(rmState[rm1] = aborted & rmState[rm2] = committed)
  end end;
