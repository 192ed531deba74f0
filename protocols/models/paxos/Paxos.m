-- Paxos: single-decree Paxos consensus (Lamport, "Paxos Made Simple"), with explicit proposers.
--
-- Source: written for Ballot after Lamport's Paxos.tla (TLA+ Examples, specifications/Paxos; the
-- acceptor actions Phase1b/Phase2b and the message set are the same) and "Paxos Made Simple"; the
-- proposers are explicit: each owns the ballots b with b mod NUM_PROPOSERS = p, uses them in
-- increasing order, and has an input value that it proposes when phase 1 reveals no earlier vote.
--
-- Encoding. As in Paxos.tla, messages are never consumed or lost: a sent message stays sent, and an
-- action enabled by the receipt of messages is enabled by their presence (a process may ignore or
-- delay a message, so loss and reordering are covered). Every message is a flag indexed by its
-- fields, with its payload where the fields fix it:
--   msg1a[b]            "prepare(b)" sent by b's owner
--   msg1b[a][b]         "promise(b)" from acceptor a, with the vote a had then (mbal = -1: none);
--                       one per (a, b), because a's promised ballot strictly increases
--   msg2a[b]            "accept(b, val)"; at most one per ballot (its owner sends it once)
--   voted[a][b]         "accepted(a, b, msg2a[b].val)" (the value is that of the 2a message)
-- Ballot -1 is "none", as in Paxos.tla. A quorum is a majority of the 3 acceptors, i.e. every acceptor
-- but one: "\E Q \in Quorum" is a ruleset over the excluded acceptor `out`. A value v is chosen when
-- some ballot b has votes for v from a quorum.
--
-- Parameters: NUM_ACC = 3 acceptors (a scalarset), NUM_PROPOSERS = 2, ballots 0 .. MAX_BAL = 3 (two
-- ballots per proposer: 0 and 2 for proposer 0, 1 and 3 for proposer 1), NUM_VALUES = 2 (a scalarset;
-- each proposer's input value is chosen by the start state, so both "same input" and "different
-- inputs" runs are explored).
-- Properties: invariant "Agreement" (at most one value is chosen), "Validity" (a chosen value is some
-- proposer's input), "OneValuePerBallot" (the votes of a ballot all carry its 2a message's value).
-- Deadlock: the final states (no ballot left to start, every message answered) are expected; run with
-- --deadlock-detection off.
--
-- Expected results (ballot check --deadlock-detection off): holds; states: 11,896,708 with
-- --symmetry-reduction off (Rumur 2022.08.20: 11,896,708), 1,022,106 with heuristic, 1,022,106 with
-- exhaustive; Depth: 32 (steps from the start state). Times: docs/protocols.md.
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
