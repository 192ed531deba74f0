-- PaxosCommit: the Paxos Commit algorithm of Gray and Lamport, "Consensus on Transaction Commit".
--
-- Source: a port of PaxosCommit.tla from the TLA+ Examples (github.com/tlaplus/Examples,
-- specifications/transaction_commit/PaxosCommit.tla, with PaxosCommit.cfg: RM = {r1, r2},
-- Acceptor = {a1, a2, a3}, Majority = {{a1, a2}, {a1, a3}, {a2, a3}}, Ballot = {0, 1}).
-- Each resource manager (RM) rm has its own instance of Paxos consensus, instance rm, that decides
-- "prepared" or "aborted"; rm itself proposes its vote as the ballot-0 phase 2a message, and a leader
-- (not modelled: any process may act as leader) runs higher ballots to finish an instance whose RM is
-- slow. The transaction commits iff every instance chose "prepared".
--
-- Encoding. As in TLA+, msgs is the set of every message ever sent; it only grows and no action
-- consumes a message. The set of possible messages is finite, so each possible message is a boolean
-- flag in an array indexed by its fields:
--   phase1a[ins][bal]                    [type |-> "phase1a", ins, bal]          (bal in Ballot \ {0})
--   phase1b[ins][mbal][bal][val][acc]    [type |-> "phase1b", ins, mbal, bal, val, acc]
--   phase2a[ins][bal][val]               [type |-> "phase2a", ins, bal, val]
--   phase2b[acc][ins][bal][val]          [type |-> "phase2b", acc, ins, bal, val]
--   msgCommit, msgAbort                  [type |-> "Commit"], [type |-> "Abort"]
-- Ballots are the integer range 0 .. MAX_BAL; an acceptor's bal and a phase1b message's bal range over
-- -1 .. MAX_BAL, -1 being TLA+'s "no vote yet" (Ballot \cup {-1}), compared with < and <= exactly as
-- in the spec. A Majority is a 2-element subset of the 3 acceptors, that is, every acceptor but one:
-- the quantifier \E MS \in Majority is a ruleset over the excluded acceptor `out`, which enumerates
-- the three majorities once each and keeps Acceptor a symmetric scalarset. Maximum({m.bal : m \in
-- mset}) is computed by an ascending loop over the ballot range; (CHOOSE m \in mset : m.bal =
-- maxbal).val is well defined because at most one value is ever proposed per instance and ballot
-- (an RM either prepares or aborts, and Phase2a's first conjunct allows one phase 2a message per
-- ballot), which the rule asserts. Each TLA+ action is one rule (ruleset over its parameters; the
-- \E m \in msgs of Phase1b and Phase2b becomes a ruleset over the message's fields); Decide, a
-- disjunction, is two rules.
--
-- Parameters: NUM_RM = 2, NUM_ACC = 3 (the majority encoding needs exactly 3), MAX_BAL = 1.
-- RM and Acceptor are scalarsets (the spec treats all RMs alike and all acceptors alike).
-- Properties: invariant "PCTypeOK" (the parts of PCTypeOK the Murphi types do not enforce: no phase 1a
-- message for ballot 0, phase 2a/2b messages carry "prepared" or "aborted", a phase 1b message and an
-- acceptor have val = "none" exactly when bal = -1) and "TCConsistent" (TLA+: PCSpec => TC!TCSpec,
-- whose safety part is that no RM commits while another aborts) and "InstanceConsistent" (no Paxos
-- instance chooses both values: Decided(rm, "prepared") /\ Decided(rm, "aborted") never holds).
-- Deadlock: TLC checks deadlock (the default) and finds none: Phase1a is always enabled (after the
-- first time as a self-loop). Ballot's equivalent is --deadlock-detection stuck.
--
-- Expected results (ballot check --deadlock-detection stuck):
--   holds; states: 1,321,761 with --symmetry-reduction off (TLC: 1,321,761 distinct, 16,959,159
--   generated, depth 28); 119,992 with heuristic, 119,992 with exhaustive; Depth: 27 (TLC counts the start
--   state as depth 1). Rules fired with off: 15,242,978; TLC's 16,959,159 generated states are
--   one more than the rule firings of a variant that, as TLC does, fires Decide once per witness of
--   its quantifiers (Abort: per RM, ballot and majority; Commit: per choice of a ballot and a
--   majority for each RM), which was checked (16,959,158 rules fired).
--   Rumur 2022.08.20: 1,321,761 states off, 119,992 exhaustive.
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
      phase2a[ins][bal][val] & aState[ins][acc].mbal <= bal
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
