-- PaxosCommit, bugged: an acceptor that votes in a ballot lower than the one it promised.
--
-- Source: PaxosCommit.m in this directory (a port of PaxosCommit.tla from the TLA+ Examples), with
-- one guard removed. In Phase2b an acceptor must vote for a phase 2a message only if it has not
-- promised (in Phase1b) a higher ballot: aState[ins][acc].mbal <= m.bal. Forgetting that check is the
-- classic Paxos implementation mistake: the promise of phase 1 is what lets a new leader assume that no
-- lower ballot can still be chosen behind its back. Here rule "Phase2b" accepts any phase 2a message.
-- A leader runs ballot 1 of an instance, finds no vote among a majority and proposes "aborted", which
-- a majority accepts; the RM's own ballot-0 "prepared" message is then accepted by the third acceptor
-- and by one that had promised ballot 1, so the instance chooses both values.
--
-- Parameters: as PaxosCommit.m (2 RMs, 3 acceptors, ballots 0 and 1). Flags: --deadlock-detection
-- stuck, as for PaxosCommit.m.
-- Expected results: invariant "InstanceConsistent" violated under every symmetry mode (off,
-- heuristic, exhaustive); the shortest counterexample is 9 transitions, which Ballot prints as "End of
-- the counterexample (10 steps)" (it counts the start state as step 1).
-- ballot: deadlock-detection stuck
const
  NUM_RM: 2;
  NUM_ACC: 3;
  MAX_BAL: 1;

type
  RM: scalarset(NUM_RM);
  Acceptor: scalarset(NUM_ACC);
  BallotNum: 0 .. MAX_BAL;        -- Ballot
  BalOrNone: -1 .. MAX_BAL;       -- Ballot \cup {-1}
  RMState: enum { working, prepared, committed, aborted };
  Value: enum { v_prepared, v_aborted, v_none };  -- "prepared", "aborted", "none"
  AccState: record
    mbal: BallotNum;
    bal: BalOrNone;
    val: Value;
  end;

var
  rmState: array [RM] of RMState;
  aState: array [RM] of array [Acceptor] of AccState;
  phase1a: array [RM] of array [BallotNum] of boolean;
  phase1b: array [RM] of array [BallotNum] of array [BalOrNone] of array [Value] of array [Acceptor] of boolean;
  phase2a: array [RM] of array [BallotNum] of array [Value] of boolean;
  phase2b: array [Acceptor] of array [RM] of array [BallotNum] of array [Value] of boolean;
  msgCommit: boolean;
  msgAbort: boolean;

-- Some acceptor other than `out` sent a phase 1b message for instance ins, ballot mb, with (bal, val).
function some1b(ins: RM; mb: BallotNum; out: Acceptor; b: BalOrNone; v: Value): boolean;
begin
  return exists ac: Acceptor do ac != out & phase1b[ins][mb][b][v][ac] end;
end;

-- Acceptor ac sent a phase 1b message for instance ins and ballot mb.
function sent1b(ins: RM; mb: BallotNum; ac: Acceptor): boolean;
begin
  return exists b: BalOrNone do exists v: Value do phase1b[ins][mb][b][v][ac] end end;
end;

-- Decided(rm, v): \E b \in Ballot, MS \in Majority : \A ac \in MS : phase 2b (ac, rm, b, v) \in msgs.
function decided(rm: RM; v: Value): boolean;
begin
  return exists b: BallotNum do exists out: Acceptor do
    forall ac: Acceptor do ac = out | phase2b[ac][rm][b][v] end
  end end;
end;

startstate "PCInit"
begin
  for rm: RM do
    rmState[rm] := working;
    for ac: Acceptor do
      aState[rm][ac].mbal := 0;
      aState[rm][ac].bal := -1;
      aState[rm][ac].val := v_none;
    end;
  end;
  clear phase1a;
  clear phase1b;
  clear phase2a;
  clear phase2b;
  msgCommit := false;
  msgAbort := false;
end;

------------------------------------------------------------------------------------------------------
-- RM actions

ruleset rm: RM do
  -- RMPrepare(rm): prepare by sending the phase 2a message of ballot 0 with value "prepared".
  rule "RMPrepare"
    rmState[rm] = working
  ==>
  begin
    rmState[rm] := prepared;
    phase2a[rm][0][v_prepared] := true;
  end;

  -- RMChooseToAbort(rm): abort, sending the phase 2a message of ballot 0 with value "aborted".
  rule "RMChooseToAbort"
    rmState[rm] = working
  ==>
  begin
    rmState[rm] := aborted;
    phase2a[rm][0][v_aborted] := true;
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

------------------------------------------------------------------------------------------------------
-- Leader actions: \E bal \in Ballot \ {0}, rm \in RM : Phase1a(bal, rm) \/ Phase2a(bal, rm)

ruleset bal: 1 .. MAX_BAL; rm: RM do
  -- Phase1a(bal, rm): start ballot bal of instance rm (duplicates are harmless).
  rule "Phase1a"
    true
  ==>
  begin
    phase1a[rm][bal] := true;
  end;

  -- Phase2a(bal, rm), with MS = Acceptor \ {out}.
  ruleset out: Acceptor do
    rule "Phase2a"
      !(exists v: Value do phase2a[rm][bal][v] end)
      & (forall ac: Acceptor do ac = out | sent1b(rm, bal, ac) end)
    ==>
    var maxbal: BalOrNone;
        val: Value;
        found: 0 .. 2;
    begin
      -- maxbal == Maximum({m.bal : m \in mset}); mset is not empty, so -1 only if every bal is -1.
      maxbal := -1;
      for b: BalOrNone do
        if exists v: Value do some1b(rm, bal, out, b, v) end then
          maxbal := b;
        end;
      end;
      if maxbal = -1 then
        val := v_aborted;
      else
        -- (CHOOSE m \in mset : m.bal = maxbal).val: the value is unique, as the assert checks.
        found := 0;
        val := v_none;
        for v: Value do
          if some1b(rm, bal, out, maxbal, v) then
            found := found + 1;
            val := v;
          end;
        end;
        assert found = 1 & val != v_none "CHOOSE in Phase2a is not unique";
      end;
      phase2a[rm][bal][val] := true;
    end;
  end;
end;

-- Decide, first disjunct: every instance chose "prepared"; announce Commit.
rule "DecideCommit"
  forall rm: RM do decided(rm, v_prepared) end
==>
begin
  msgCommit := true;
end;

-- Decide, second disjunct: some instance chose "aborted"; announce Abort.
rule "DecideAbort"
  exists rm: RM do decided(rm, v_aborted) end
==>
begin
  msgAbort := true;
end;

------------------------------------------------------------------------------------------------------
-- Acceptor actions: \E acc \in Acceptor : Phase1b(acc) \/ Phase2b(acc)

ruleset acc: Acceptor; ins: RM do
  -- Phase1b(acc), for the phase 1a message m = [ins |-> ins, bal |-> bal].
  ruleset bal: 1 .. MAX_BAL do
    rule "Phase1b"
      phase1a[ins][bal] & aState[ins][acc].mbal < bal
    ==>
    begin
      phase1b[ins][bal][aState[ins][acc].bal][aState[ins][acc].val][acc] := true;
      aState[ins][acc].mbal := bal;
    end;
  end;

  -- Phase2b(acc), for the phase 2a message m = [ins |-> ins, bal |-> bal, val |-> val].
  ruleset bal: BallotNum; val: Value do
    rule "Phase2b"
      -- BUG: no check of the promise (correct: & aState[ins][acc].mbal <= bal).
      phase2a[ins][bal][val]
    ==>
    begin
      aState[ins][acc].mbal := bal;
      aState[ins][acc].bal := bal;
      aState[ins][acc].val := val;
      phase2b[acc][ins][bal][val] := true;
    end;
  end;
end;

------------------------------------------------------------------------------------------------------
-- Properties

invariant "PCTypeOK"
  forall rm: RM do
    !phase1a[rm][0]
    & (forall b: BallotNum do !phase2a[rm][b][v_none] end)
    & (forall ac: Acceptor do
         (aState[rm][ac].bal = -1) = (aState[rm][ac].val = v_none)
         & (forall b: BallotNum do !phase2b[ac][rm][b][v_none] end)
         & forall mb: BallotNum do forall b: BalOrNone do forall v: Value do
             phase1b[rm][mb][b][v][ac] -> (b = -1) = (v = v_none)
           end end end
       end)
  end;

-- Consistency of each Paxos instance (the safety of the consensus PaxosCommit is built on): no instance
-- chooses both "prepared" and "aborted".
invariant "InstanceConsistent"
  forall rm: RM do !(decided(rm, v_prepared) & decided(rm, v_aborted)) end;

invariant "TCConsistent"
  forall rm1: RM do forall rm2: RM do
    !(rmState[rm1] = aborted & rmState[rm2] = committed)
  end end;
