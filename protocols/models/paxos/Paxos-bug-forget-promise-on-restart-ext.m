-- Paxos, bugged, with Ballot's message-passing extensions: the twin of
-- Paxos-bug-forget-promise-on-restart.m: an acceptor keeps only its vote in stable storage, so a
-- restart loses the promises made since (maxBal is volatile; recovery sets it from the last vote).
--
-- Source: Paxos.m in this directory (single-decree Paxos with explicit proposers, after Lamport's
-- Paxos.tla). Messages form a set network, as in Paxos.tla: never consumed or lost (a process may ignore
-- or delay a message, which covers loss and reordering). The plain twin's promise record (sent, mbal,
-- mval) is two message kinds here: Promise(a, b) without a vote and PromiseVoted(a, b, mbal, mval); an
-- acceptor promises a ballot once, so the two encodings are in one-to-one correspondence. Acceptors
-- keep only their vote in stable storage: "restart" resets maxBal to its initial value and the
-- recovery sets it to the last voted ballot, exactly the rule "AcceptorRestart" of the plain twin.
-- Parameters: 3 acceptors, 2 proposers, ballots 0 .. 3, 2 values, as in Paxos.m.
-- Properties: "Agreement", "Validity", "OneValuePerBallot", as in Paxos.m.
-- Expected results (ballot check --deadlock-detection off): invariant "Agreement" violated under every
-- symmetry mode; shortest counterexample: 14 steps (13 transitions), as for the plain twin.
-- ballot: deadlock-detection off
const NUM_ACC: 3; NUM_PROPOSERS: 2; MAX_BAL: 3; NUM_VALUES: 2;

type
  Acceptor: scalarset(NUM_ACC);
  Value: scalarset(NUM_VALUES);
  Proposer: 0 .. NUM_PROPOSERS - 1;
  BallotNum: 0 .. MAX_BAL;
  BalOrNone: -1 .. MAX_BAL;
  PPhase: enum { p_idle, p_phase1, p_phase2 };

var
  maxBal: array [Acceptor] of BalOrNone := -1;   -- BUG: volatile (correct: durable)
  durable maxVBal: array [Acceptor] of BalOrNone := -1;   -- ballot of the last vote
  durable maxVal: array [Acceptor] of Value;              -- its value (undefined if none)
  input: array [Proposer] of Value;
  pBal: array [Proposer] of BalOrNone := -1;
  pPhase: array [Proposer] of PPhase := p_idle;

network msgs: set of
  Prepare(b: BallotNum);                                           -- 1a
  Promise(a: Acceptor, b: BallotNum);                              -- 1b, no earlier vote
  PromiseVoted(a: Acceptor, b: BallotNum, mbal: BallotNum, mval: Value);   -- 1b with the last vote
  Accept(b: BallotNum, v: Value);                                  -- 2a
  Accepted(a: Acceptor, b: BallotNum);                             -- 2b (the value of Accept(b, _))
end;

function chosenIn(b: BallotNum; v: Value): boolean;
begin
  return inflight(msgs, Accept(b, v))
         & exists out: Acceptor do forall a: Acceptor do a = out | inflight(msgs, Accepted(a, b)) end end;
end;

function chosen(v: Value): boolean;
begin return exists b: BallotNum do chosenIn(b, v) end; end;

function promised(a: Acceptor; b: BallotNum): boolean;
begin
  return inflight(msgs, Promise(a, b))
         | exists mb: BallotNum do exists v: Value do inflight(msgs, PromiseVoted(a, b, mb, v)) end end;
end;

-- The highest earlier vote reported in the promises for b of every acceptor but out, -1 if none.
function highestReported(b: BallotNum; out: Acceptor): BalOrNone;
var hb: BalOrNone;
begin
  hb := -1;
  for vb: BallotNum do
    if exists a: Acceptor do a != out & exists v: Value do inflight(msgs, PromiseVoted(a, b, vb, v)) end end
    then hb := vb; end;
  end;
  return hb;
end;

ruleset v0: Value; v1: Value do
  startstate "Init" input[0] := v0; input[1] := v1; end;
end;

ruleset p: Proposer; b: BallotNum do
  rule "Phase1a" b % NUM_PROPOSERS = p & b > pBal[p] ==>
    pBal[p] := b; pPhase[p] := p_phase1; send msgs Prepare(b);
  end;
end;

ruleset p: Proposer; out: Acceptor; v: Value do
  rule "Phase2a"
    pPhase[p] = p_phase1 & (forall a: Acceptor do a = out | promised(a, pBal[p]) end)
    & (highestReported(pBal[p], out) = -1 ? v = input[p]
       : exists a: Acceptor do a != out & inflight(msgs, PromiseVoted(a, pBal[p], highestReported(pBal[p], out), v)) end)
  ==>
    send msgs Accept(pBal[p], v); pPhase[p] := p_phase2;
  end;
end;

ruleset a: Acceptor do
  receive "Phase1b" msgs Prepare(b) where b > maxBal[a] ==>
    maxBal[a] := b;
    if maxVBal[a] = -1 then send msgs Promise(a, b); else send msgs PromiseVoted(a, b, maxVBal[a], maxVal[a]); end;
  end;
  receive "Phase2b" msgs Accept(b, v) where b >= maxBal[a] & !inflight(msgs, Accepted(a, b)) ==>
    maxBal[a] := b; maxVBal[a] := b; maxVal[a] := v; send msgs Accepted(a, b);
  end;
end;

restart "AcceptorRestart" a: Acceptor where maxBal[a] != maxVBal[a] ==> maxBal[a] := maxVBal[a]; end;

cover "a value is chosen" exists v: Value do chosen(v) end;
cover "a value chosen in two ballots"
  exists v: Value do exists b1: BallotNum do exists b2: BallotNum do
    b1 != b2 & chosenIn(b1, v) & chosenIn(b2, v) end end end;

invariant "Agreement" forall v1: Value do forall v2: Value do (chosen(v1) & chosen(v2)) -> v1 = v2 end end;
invariant "Validity" forall v: Value do chosen(v) -> exists p: Proposer do input[p] = v end end;
invariant "OneValuePerBallot"
  forall a: Acceptor do forall b: BallotNum do
    inflight(msgs, Accepted(a, b))
    -> exists v: Value do inflight(msgs, Accept(b, v)) & (maxVBal[a] = b -> maxVal[a] = v) end
  end end;
