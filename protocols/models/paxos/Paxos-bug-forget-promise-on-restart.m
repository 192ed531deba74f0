-- Paxos, bugged: an acceptor that forgets its promise when it restarts.
--
-- Source: Paxos.m in this directory (single-decree Paxos with explicit proposers), with one rule
-- added. An acceptor must write its promise (maxBal) to stable storage before it answers a prepare
-- message, like its vote. The well-known mistake is to keep the promise only in memory: rule
-- "AcceptorRestart" models a crash and restart of such an acceptor, which keeps its vote (maxVBal,
-- maxVal, persisted) but falls back to maxBal = maxVBal, forgetting the promises made since its last
-- vote. A proposer of a higher ballot that counted that acceptor's promise then picks its value
-- believing the lower ballot can no longer be chosen, while the restarted acceptor helps choose it.
-- (After a restart an acceptor may promise the same ballot again; msg1b keeps one promise per
-- acceptor and ballot, so the later promise replaces the earlier one, as if that one were lost.)
--
-- Parameters: as Paxos.m (3 acceptors, 2 proposers, ballots 0 .. 3, 2 values). Flags:
-- --deadlock-detection off, as for Paxos.m.
-- Expected results: invariant "Agreement" violated under every symmetry mode (off, heuristic,
-- exhaustive); the shortest counterexample is 13 transitions, which Ballot prints as "End of the
-- counterexample (14 steps)" (it counts the start state as step 1); explained in docs/protocols.md.
-- ballot: deadlock-detection off
const
  NUM_ACC: 3;
  NUM_PROPOSERS: 2;
  MAX_BAL: 3;
  NUM_VALUES: 2;

type
  Acceptor: scalarset(NUM_ACC);
  Value: scalarset(NUM_VALUES);
  Proposer: 0 .. NUM_PROPOSERS - 1;
  BallotNum: 0 .. MAX_BAL;
  BalOrNone: -1 .. MAX_BAL;
  PPhase: enum { p_idle, p_phase1, p_phase2 };
  Promise: record
    sent: boolean;
    mbal: BalOrNone;   -- the ballot of the acceptor's last vote, -1 if none
    mval: Value;       -- its value (undefined if mbal = -1)
  end;
  Proposal: record
    sent: boolean;
    val: Value;        -- undefined until sent
  end;

var
  -- acceptors
  maxBal: array [Acceptor] of BalOrNone;    -- highest ballot promised or voted in
  maxVBal: array [Acceptor] of BalOrNone;   -- ballot of the last vote, -1 if none
  maxVal: array [Acceptor] of Value;        -- value of the last vote (undefined if none)
  -- proposers
  input: array [Proposer] of Value;
  pBal: array [Proposer] of BalOrNone;      -- current ballot, -1 before the first
  pPhase: array [Proposer] of PPhase;
  -- messages
  msg1a: array [BallotNum] of boolean;
  msg1b: array [Acceptor] of array [BallotNum] of Promise;
  msg2a: array [BallotNum] of Proposal;
  voted: array [Acceptor] of array [BallotNum] of boolean;

function owner(b: BallotNum): Proposer;
begin
  return b % NUM_PROPOSERS;
end;

-- v is chosen in ballot b: a quorum (every acceptor but `out`) voted for v in b.
function chosenIn(b: BallotNum; v: Value): boolean;
begin
  return msg2a[b].sent & msg2a[b].val = v
         & exists out: Acceptor do forall a: Acceptor do a = out | voted[a][b] end end;
end;

function chosen(v: Value): boolean;
begin
  return exists b: BallotNum do chosenIn(b, v) end;
end;

ruleset v0: Value; v1: Value do
  startstate "Init"
  begin
    for a: Acceptor do
      maxBal[a] := -1;
      maxVBal[a] := -1;
      undefine maxVal[a];
      for b: BallotNum do
        msg1b[a][b].sent := false;
        msg1b[a][b].mbal := -1;
        undefine msg1b[a][b].mval;
        voted[a][b] := false;
      end;
    end;
    input[0] := v0;
    input[1] := v1;
    for p: Proposer do
      pBal[p] := -1;
      pPhase[p] := p_idle;
    end;
    for b: BallotNum do
      msg1a[b] := false;
      msg2a[b].sent := false;
      undefine msg2a[b].val;
    end;
  end;
end;

------------------------------------------------------------------------------------------------------
-- Proposers

ruleset p: Proposer; b: BallotNum do
  -- Phase1a: p starts its ballot b (on start-up, or after a timeout in any phase), higher than any it
  -- used before, and broadcasts prepare(b).
  rule "Phase1a"
    owner(b) = p & b > pBal[p]
  ==>
  begin
    pBal[p] := b;
    pPhase[p] := p_phase1;
    msg1a[b] := true;
  end;
end;

-- The highest vote reported by the promises for ballot b from every acceptor but `out`; -1 if none.
function highestReported(b: BallotNum; out: Acceptor): BalOrNone;
var hb: BalOrNone;
begin
  hb := -1;
  for vb: BallotNum do
    if exists a: Acceptor do a != out & msg1b[a][b].sent & msg1b[a][b].mbal = vb end then
      hb := vb;
    end;
  end;
  return hb;
end;

-- v is the value that a proposer of ballot b with promises from every acceptor but `out` must propose
-- (the value of the highest reported vote), or may propose (its input, if no vote is reported).
function safeValue(p: Proposer; b: BallotNum; out: Acceptor; v: Value): boolean;
var hb: BalOrNone;
begin
  hb := highestReported(b, out);
  if hb = -1 then
    return v = input[p];
  else
    return exists a: Acceptor do
      a != out & msg1b[a][b].sent & msg1b[a][b].mbal = hb & msg1b[a][b].mval = v
    end;
  end;
end;

ruleset p: Proposer; out: Acceptor; v: Value do
  -- Phase2a: p has promises for its ballot from the quorum "all but out"; it proposes the value of the
  -- highest vote they report, or its own input if they report none (the guard selects v).
  rule "Phase2a"
    pPhase[p] = p_phase1
    & (forall a: Acceptor do a = out | msg1b[a][pBal[p]].sent end)
    & safeValue(p, pBal[p], out, v)
  ==>
  begin
    msg2a[pBal[p]].sent := true;
    msg2a[pBal[p]].val := v;
    pPhase[p] := p_phase2;
  end;
end;

------------------------------------------------------------------------------------------------------
-- Acceptors

ruleset a: Acceptor; b: BallotNum do
  -- Phase1b: a promises ballot b, higher than any it promised, and reports its last vote.
  rule "Phase1b"
    msg1a[b] & b > maxBal[a]
  ==>
  begin
    maxBal[a] := b;
    msg1b[a][b].sent := true;
    msg1b[a][b].mbal := maxVBal[a];
    if maxVBal[a] = -1 then
      undefine msg1b[a][b].mval;
    else
      msg1b[a][b].mval := maxVal[a];
    end;
  end;

  -- Phase2b: a votes for the proposal of ballot b unless it promised a higher ballot.
  rule "Phase2b"
    msg2a[b].sent & b >= maxBal[a] & !voted[a][b]
  ==>
  begin
    maxBal[a] := b;
    maxVBal[a] := b;
    maxVal[a] := msg2a[b].val;
    voted[a][b] := true;
  end;
end;

-- BUG: the acceptor restarts and, not having persisted its promise, forgets every promise made since
-- its last vote (correct: maxBal survives the restart, so this rule would change nothing).
ruleset a: Acceptor do
  rule "AcceptorRestart"
    maxBal[a] != maxVBal[a]
  ==>
  begin
    maxBal[a] := maxVBal[a];
  end;
end;

------------------------------------------------------------------------------------------------------
-- Properties

-- Sanity: a value does get chosen, also in two ballots (a cover never satisfied fails the check).
cover "a value is chosen"
  exists v: Value do chosen(v) end;

cover "a value chosen in two ballots"
  exists v: Value do exists b1: BallotNum do exists b2: BallotNum do
    b1 != b2 & chosenIn(b1, v) & chosenIn(b2, v)
  end end end;

invariant "Agreement"
  forall v1: Value do forall v2: Value do
    (chosen(v1) & chosen(v2)) -> v1 = v2
  end end;

invariant "Validity"
  forall v: Value do chosen(v) -> exists p: Proposer do input[p] = v end end;

invariant "OneValuePerBallot"
  forall a: Acceptor do forall b: BallotNum do
    voted[a][b] -> (msg2a[b].sent & (maxVBal[a] = b -> maxVal[a] = msg2a[b].val))
  end end;
