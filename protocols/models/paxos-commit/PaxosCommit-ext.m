-- PaxosCommit, with Ballot's message-passing extensions: the twin of PaxosCommit.m (same states).
--
-- Source: PaxosCommit.m in this directory, a port of PaxosCommit.tla (TLA+ Examples: RM = {r1, r2},
-- Acceptor = {a1, a2, a3}, majorities of 2, Ballot = {0, 1}). TLA+'s msgs is a set network (sending
-- adds, receiving keeps); Phase1b and Phase2b receive a phase 1a / 2a message. The acceptor record of the
-- plain twin is three arrays (aMbal, aBal, aVal) so that each has one declared initial value. A majority
-- is every acceptor but `out`.
-- Parameters: NUM_RM = 2, NUM_ACC = 3, MAX_BAL = 1. Properties: "PCTypeOK", "InstanceConsistent",
-- "TCConsistent", as in PaxosCommit.m.
-- Expected results (ballot check --deadlock-detection stuck): holds; states: 1,321,761 off (TLC:
-- 1,321,761), 119,992 heuristic, 119,992 exhaustive; Depth: 27 -- identical to PaxosCommit.m.
-- ballot: deadlock-detection stuck
const NUM_RM: 2; NUM_ACC: 3; MAX_BAL: 1;

type
  RM: scalarset(NUM_RM);
  Acceptor: scalarset(NUM_ACC);
  BallotNum: 0 .. MAX_BAL;
  BalOrNone: -1 .. MAX_BAL;
  RMState: enum { working, prepared, committed, aborted };
  Value: enum { v_prepared, v_aborted, v_none };

var
  rmState: array [RM] of RMState := working;
  aMbal: array [RM] of array [Acceptor] of BallotNum := 0;
  aBal: array [RM] of array [Acceptor] of BalOrNone := -1;
  aVal: array [RM] of array [Acceptor] of Value := v_none;

network msgs: set of
  Phase1a(ins: RM, bal: BallotNum);
  Phase1b(ins: RM, mbal: BallotNum, bal: BalOrNone, val: Value, acc: Acceptor);
  Phase2a(ins: RM, bal: BallotNum, val: Value);
  Phase2b(acc: Acceptor, ins: RM, bal: BallotNum, val: Value);
  Commit;
  Abort;
end;

function some1b(ins: RM; mb: BallotNum; out: Acceptor; b: BalOrNone; v: Value): boolean;
begin return exists ac: Acceptor do ac != out & inflight(msgs, Phase1b(ins, mb, b, v, ac)) end; end;

function decided(rm: RM; v: Value): boolean;
begin
  return exists b: BallotNum do exists out: Acceptor do
    forall ac: Acceptor do ac = out | inflight(msgs, Phase2b(ac, rm, b, v)) end end end;
end;

ruleset rm: RM do
  rule "RMPrepare" rmState[rm] = working ==> rmState[rm] := prepared; send msgs Phase2a(rm, 0, v_prepared); end;
  rule "RMChooseToAbort" rmState[rm] = working ==> rmState[rm] := aborted; send msgs Phase2a(rm, 0, v_aborted); end;
  receive "RMRcvCommitMsg" msgs Commit ==> rmState[rm] := committed; end;
  receive "RMRcvAbortMsg" msgs Abort ==> rmState[rm] := aborted; end;
end;

ruleset bal: 1 .. MAX_BAL; rm: RM do
  rule "Phase1a" true ==> send msgs Phase1a(rm, bal); end;
  ruleset out: Acceptor do
    rule "Phase2a"
      !(exists v: Value do inflight(msgs, Phase2a(rm, bal, v)) end)
      & forall ac: Acceptor do
          ac = out | exists b: BalOrNone do exists v: Value do inflight(msgs, Phase1b(rm, bal, b, v, ac)) end end end
    ==>
    var maxbal: BalOrNone; val: Value; found: 0 .. 2;
    begin
      maxbal := -1;
      for b: BalOrNone do
        if exists v: Value do some1b(rm, bal, out, b, v) end then maxbal := b; end;
      end;
      val := v_aborted;
      if maxbal != -1 then
        found := 0;
        val := v_none;
        for v: Value do
          if some1b(rm, bal, out, maxbal, v) then found := found + 1; val := v; end;
        end;
        assert found = 1 & val != v_none "CHOOSE in Phase2a is not unique";
      end;
      send msgs Phase2a(rm, bal, val);
    end;
  end;
end;

rule "DecideCommit" forall rm: RM do decided(rm, v_prepared) end ==> send msgs Commit; end;
rule "DecideAbort" exists rm: RM do decided(rm, v_aborted) end ==> send msgs Abort; end;

ruleset acc: Acceptor do
  receive "Phase1b" msgs Phase1a(ins, bal) where aMbal[ins][acc] < bal ==>
    send msgs Phase1b(ins, bal, aBal[ins][acc], aVal[ins][acc], acc);
    aMbal[ins][acc] := bal;
  end;
  receive "Phase2b" msgs Phase2a(ins, bal, val) where aMbal[ins][acc] <= bal ==>
    aMbal[ins][acc] := bal; aBal[ins][acc] := bal; aVal[ins][acc] := val;
    send msgs Phase2b(acc, ins, bal, val);
  end;
end;

invariant "PCTypeOK"
  forall rm: RM do
    !inflight(msgs, Phase1a(rm, 0))
    & (forall b: BallotNum do !inflight(msgs, Phase2a(rm, b, v_none)) end)
    & (forall ac: Acceptor do
         (aBal[rm][ac] = -1) = (aVal[rm][ac] = v_none)
         & (forall b: BallotNum do !inflight(msgs, Phase2b(ac, rm, b, v_none)) end)
         & forall mb: BallotNum do forall b: BalOrNone do forall v: Value do
             inflight(msgs, Phase1b(rm, mb, b, v, ac)) -> (b = -1) = (v = v_none) end end end
       end)
  end;

invariant "InstanceConsistent" forall rm: RM do !(decided(rm, v_prepared) & decided(rm, v_aborted)) end;

invariant "TCConsistent"
  forall rm1: RM do forall rm2: RM do !(rmState[rm1] = aborted & rmState[rm2] = committed) end end;
