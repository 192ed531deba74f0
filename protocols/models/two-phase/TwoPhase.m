-- TwoPhase: the Two-Phase Commit protocol of Gray and Lamport, "Consensus on Transaction Commit".
--
-- Source: a port of TwoPhase.tla from the TLA+ Examples (github.com/tlaplus/Examples,
-- specifications/transaction_commit/TwoPhase.tla, with TwoPhase.cfg: RM = {r1, r2, r3}).
-- A transaction manager (TM) commits when every resource manager (RM) has sent "Prepared", and may
-- abort spontaneously at any time before; RMs prepare or abort spontaneously and obey the TM's decision.
--
-- Encoding. TLA+'s msgs is the set of every message ever sent; it only grows and receiving a message
-- does not remove it. The set of possible messages is finite ([type: "Prepared", rm: RM] and the two
-- broadcasts), so msgs is a boolean flag per possible message: msgPrepared[rm], msgCommit, msgAbort.
-- tmPrepared (a subset of RM) is a boolean per RM. Each TLA+ action is one rule (a ruleset over rm where
-- the action takes rm); guards and updates are copied conjunct by conjunct, including the receive actions
-- that TLA+ leaves enabled when they change nothing (RMRcvCommitMsg in state "committed"): such a rule
-- is a self-loop, which is why TLC finds no deadlock.
--
-- Parameters: NUM_RM = 3 (RM is a scalarset: the protocol never tells RMs apart).
-- Properties: invariant "TPTypeOK" (the range facts of TPTypeOK that the Murphi types do not already
-- enforce: a TM that received "Prepared" from rm has that message in msgs; only the TM's decision is
-- broadcast) and "TCConsistent" (no RM committed while another aborted, the invariant of TCommit that
-- TwoPhase implements).
-- Deadlock: TLC checks deadlock for this model (TwoPhase.cfg) and finds none, because the receive
-- actions stay enabled as self-loops. Ballot's equivalent is --deadlock-detection stuck (a state with no
-- enabled rule); its default, stuttering, would flag the final states where every enabled rule is a
-- self-loop, which TLC does not count as a deadlock.
--
-- Expected results (ballot check --deadlock-detection stuck):
--   holds; states: 288 with --symmetry-reduction off (TLC: 288 distinct, 1,146 generated, depth 11),
--   80 with heuristic, 80 with exhaustive (Rumur 2022.08.20: 288 off, 80 heuristic and exhaustive);
--   Depth: 10 (Ballot counts steps from the start state, TLC counts the start state as depth 1, so
--   TLC's 11 is Ballot's 10). Rules fired with off: 1,145, TLC's 1,146 generated states minus the
--   initial state (TLC counts every successor, self-loops included, and the initial state).
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
