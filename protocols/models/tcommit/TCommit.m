-- TCommit: the Transaction Commit specification of Gray and Lamport, "Consensus on Transaction Commit".
--
-- Source: a port of TCommit.tla from the TLA+ Examples (github.com/tlaplus/Examples,
-- specifications/transaction_commit/TCommit.tla, with TCommit.cfg: RM = {r1, r2, r3},
-- CHECK_DEADLOCK FALSE). It is the abstract spec that TwoPhase and PaxosCommit implement: each resource
-- manager (RM) prepares, and then commits only if every RM is prepared or committed, or aborts only if
-- no RM has committed. There is no coordinator and no message: the guards read the global state.
--
-- Encoding: rmState is an array over RM; Prepare(rm) is one rule, and Decide(rm), a disjunction of a
-- commit case and an abort case, is two rules. canCommit and notCommitted are functions.
--
-- Parameters: NUM_RM = 3 (RM is a scalarset).
-- Properties: invariant "TCConsistent" (no RM aborted while another committed); TCTypeOK is the type
-- of rmState and needs no invariant.
-- Deadlock: the two final states (every RM committed, every RM aborted) enable no action, and TCommit.cfg says CHECK_DEADLOCK FALSE, so run with
-- --deadlock-detection off.
--
-- Expected results (ballot check --deadlock-detection off):
--   holds; states: 34 with --symmetry-reduction off (TLC: 34 distinct, 94 generated, depth 7),
--   13 with heuristic, 13 with exhaustive; Depth: 6 (TLC counts the start state as depth 1).
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

invariant "TCConsistent"
  forall rm1: RM do forall rm2: RM do
    !(rmState[rm1] = aborted & rmState[rm2] = committed)
  end end;
