-- TwoPhase, bugged: a transaction manager that commits on a timeout.
--
-- Source: TwoPhase.m in this directory (a port of TwoPhase.tla from the TLA+ Examples), with one rule
-- added. The bug is the classic mistake of a coordinator that, tired of waiting for votes, decides
-- COMMIT on a timeout instead of ABORT (a "presumed commit" applied to missing votes): rule
-- "TMCommitOnTimeout" lets the TM commit in state init without having received "Prepared" from every
-- RM. An RM that never voted may meanwhile have aborted unilaterally (RMChooseToAbort), which is its
-- right before it votes, so one RM ends committed and another aborted.
--
-- Parameters: NUM_RM = 3 (RM a scalarset). Flags: --deadlock-detection stuck, as for TwoPhase.m.
-- Expected results: invariant "TCConsistent" violated under every symmetry mode (off, heuristic,
-- exhaustive); the shortest counterexample is 3 transitions, which Ballot prints as "End of the
-- counterexample (4 steps)" (it counts the start state as step 1): TMCommitOnTimeout, then
-- RMChooseToAbort(r) and RMRcvCommitMsg(r') in either order.
-- ballot: deadlock-detection stuck
const
  NUM_RM: 3;

type
  RM: scalarset(NUM_RM);
  RMState: enum { working, prepared, committed, aborted };
  TMState: enum { tm_init, tm_committed, tm_aborted };

var
  rmState: array [RM] of RMState;
  tmState: TMState;
  tmPrepared: array [RM] of boolean;   -- the set of RMs from which the TM has received "Prepared"
  msgPrepared: array [RM] of boolean;  -- [type |-> "Prepared", rm |-> rm] \in msgs
  msgCommit: boolean;                  -- [type |-> "Commit"] \in msgs
  msgAbort: boolean;                   -- [type |-> "Abort"] \in msgs

startstate "TPInit"
begin
  for rm: RM do
    rmState[rm] := working;
    tmPrepared[rm] := false;
    msgPrepared[rm] := false;
  end;
  tmState := tm_init;
  msgCommit := false;
  msgAbort := false;
end;

-- TMCommit: the TM commits once every RM is in tmPrepared.
rule "TMCommit"
  tmState = tm_init & forall rm: RM do tmPrepared[rm] end
==>
begin
  tmState := tm_committed;
  msgCommit := true;
end;

-- BUG: the TM gives up waiting for "Prepared" messages and commits anyway (correct: abort on a timeout).
rule "TMCommitOnTimeout"
  tmState = tm_init
==>
begin
  tmState := tm_committed;
  msgCommit := true;
end;

-- TMAbort: the TM spontaneously aborts.
rule "TMAbort"
  tmState = tm_init
==>
begin
  tmState := tm_aborted;
  msgAbort := true;
end;

ruleset rm: RM do
  -- TMRcvPrepared(rm)
  rule "TMRcvPrepared"
    tmState = tm_init & msgPrepared[rm]
  ==>
  begin
    tmPrepared[rm] := true;
  end;

  -- RMPrepare(rm)
  rule "RMPrepare"
    rmState[rm] = working
  ==>
  begin
    rmState[rm] := prepared;
    msgPrepared[rm] := true;
  end;

  -- RMChooseToAbort(rm): no message is sent in the simplified spec.
  rule "RMChooseToAbort"
    rmState[rm] = working
  ==>
  begin
    rmState[rm] := aborted;
  end;

  -- RMRcvCommitMsg(rm)
  rule "RMRcvCommitMsg"
    msgCommit
  ==>
  begin
    rmState[rm] := committed;
  end;

  -- RMRcvAbortMsg(rm)
  rule "RMRcvAbortMsg"
    msgAbort
  ==>
  begin
    rmState[rm] := aborted;
  end;
end;

invariant "TPTypeOK"
  (forall rm: RM do tmPrepared[rm] -> msgPrepared[rm] end)
  & !(msgCommit & msgAbort)
  & (msgCommit -> tmState = tm_committed)
  & (msgAbort -> tmState = tm_aborted);

invariant "TCConsistent"
  forall rm1: RM do forall rm2: RM do
    !(rmState[rm1] = aborted & rmState[rm2] = committed)
  end end;
