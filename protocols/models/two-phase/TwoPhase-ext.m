-- TwoPhase, with Ballot's message-passing extensions: the twin of TwoPhase.m (same protocol, same states).
--
-- Source: TwoPhase.m in this directory, a port of TwoPhase.tla (TLA+ Examples, RM = {r1, r2, r3}).
-- Encoding: TLA+'s msgs, the set of every message ever sent, is a set network: sending adds a message,
-- receiving leaves it there. Receive rules are TLA+'s receive actions (RMRcvCommitMsg stays enabled in
-- state "committed", a self-loop, as in TLC). Initial values are declared with the variables.
-- Parameters: NUM_RM = 3 (a scalarset). Properties: "TPTypeOK", "TCConsistent", as in TwoPhase.m.
-- Expected results (ballot check --deadlock-detection stuck): holds; states: 288 off (TLC: 288),
-- 80 heuristic, 80 exhaustive; Depth: 10 -- identical to TwoPhase.m.
-- ballot: deadlock-detection stuck
const NUM_RM: 3;

type
  RM: scalarset(NUM_RM);
  RMState: enum { working, prepared, committed, aborted };
  TMState: enum { tm_init, tm_committed, tm_aborted };

var
  rmState: array [RM] of RMState := working;
  tmState: TMState := tm_init;
  tmPrepared: array [RM] of boolean := false;   -- the RMs from which the TM has received "Prepared"

network msgs: set of
  Prepared(rm: RM);
  Commit;
  Abort;
end;

rule "TMCommit" tmState = tm_init & forall rm: RM do tmPrepared[rm] end ==>
  tmState := tm_committed; send msgs Commit;
end;

rule "TMAbort" tmState = tm_init ==> tmState := tm_aborted; send msgs Abort; end;

receive "TMRcvPrepared" msgs Prepared(rm) where tmState = tm_init ==> tmPrepared[rm] := true; end;

ruleset rm: RM do
  rule "RMPrepare" rmState[rm] = working ==> rmState[rm] := prepared; send msgs Prepared(rm); end;
  rule "RMChooseToAbort" rmState[rm] = working ==> rmState[rm] := aborted; end;
  receive "RMRcvCommitMsg" msgs Commit ==> rmState[rm] := committed; end;
  receive "RMRcvAbortMsg" msgs Abort ==> rmState[rm] := aborted; end;
end;

invariant "TPTypeOK"
  (forall rm: RM do tmPrepared[rm] -> inflight(msgs, Prepared(rm)) end)
  & !(inflight(msgs, Commit) & inflight(msgs, Abort))
  & (inflight(msgs, Commit) -> tmState = tm_committed)
  & (inflight(msgs, Abort) -> tmState = tm_aborted);

invariant "TCConsistent"
  forall rm1: RM do forall rm2: RM do !(rmState[rm1] = aborted & rmState[rm2] = committed) end end;
