-- Raft, with Ballot's extensions: the twin of Raft.m (same abstraction, same states).
--
-- Source: Raft.m in this directory (leader election and log replication, Raft paper Figure 2, with
-- atomic request/reply: a RequestVote or AppendEntries and its answer are one step; see Raft.m for what
-- that abstraction covers). There are no messages, so the extensions used are declared initial values,
-- durable state and the restart fault: a server keeps currentTerm, votedFor and its log (durable) and
-- loses role, commitIndex, votesGranted and matchIndex, which go back to their initial values (the
-- plain twin's "Restart" rule, guarded the same way).
-- Parameters: NUM_SERVERS = 3 (a scalarset), MAX_TERM = 4, MAX_LOG = 2.
-- Properties: "ElectionSafety", "LogMatching", "LeaderCompleteness", "StateMachineSafety".
-- Expected results (ballot check --deadlock-detection off): holds; states: 3,743,529 off, 630,038
-- heuristic, 630,038 exhaustive; Depth: 28 -- identical to Raft.m.
-- ballot: deadlock-detection off
const NUM_SERVERS: 3; MAX_TERM: 4; MAX_LOG: 2;

type
  Server: scalarset(NUM_SERVERS);
  Term: 0 .. MAX_TERM;
  Index: 1 .. MAX_LOG;
  LogLen: 0 .. MAX_LOG;
  Role: enum { follower, candidate, leader };
  Committed: record entryTerm: Term; commitTerm: Term; end;   -- entryTerm 0: nothing committed yet

var
  durable currentTerm: array [Server] of Term := 0;
  durable votedFor: array [Server] of Server;                 -- undefined: no vote in currentTerm
  durable logLen: array [Server] of LogLen := 0;
  durable log: array [Server] of array [Index] of Term := 0;  -- entry terms; 0 beyond logLen
  role: array [Server] of Role := follower;
  commitIndex: array [Server] of LogLen := 0;
  votesGranted: array [Server] of array [Server] of boolean := false;   -- candidate's tally
  matchIndex: array [Server] of array [Server] of LogLen := 0;          -- leader's knowledge
  committed: array [Index] of Committed := 0;                           -- ghost

function lastTerm(i: Server): Term;
begin if logLen[i] = 0 then return 0; else return log[i][logLen[i]]; end; end;

function logOk(cand: Server; voter: Server): boolean;   -- section 5.4.1
begin
  return lastTerm(cand) > lastTerm(voter) | (lastTerm(cand) = lastTerm(voter) & logLen[cand] >= logLen[voter]);
end;

function isQuorum(n: 0 .. NUM_SERVERS): boolean;
begin return 2 * n > NUM_SERVERS; end;

function votes(i: Server): 0 .. NUM_SERVERS;
var n: 0 .. NUM_SERVERS;
begin
  n := 0;
  for j: Server do if votesGranted[i][j] then n := n + 1; end; end;
  return n;
end;

function replicas(i: Server; k: Index): 0 .. NUM_SERVERS;
var n: 0 .. NUM_SERVERS;
begin
  n := 1;
  for j: Server do if j != i & matchIndex[i][j] >= k then n := n + 1; end; end;
  return n;
end;

procedure clearTally(i: Server);
begin for j: Server do votesGranted[i][j] := false; matchIndex[i][j] := 0; end; end;

procedure stepDown(i: Server; t: Term);
begin currentTerm[i] := t; role[i] := follower; undefine votedFor[i]; clearTally(i); end;

ruleset i: Server do
  rule "Timeout" role[i] != leader & currentTerm[i] < MAX_TERM ==>
    currentTerm[i] := currentTerm[i] + 1; role[i] := candidate; votedFor[i] := i;
    clearTally(i); votesGranted[i][i] := true;
  end;
  rule "BecomeLeader" role[i] = candidate & isQuorum(votes(i)) ==>
    role[i] := leader; for j: Server do matchIndex[i][j] := 0; end;
  end;
  rule "ClientRequest" role[i] = leader & logLen[i] < MAX_LOG ==>
    logLen[i] := logLen[i] + 1; log[i][logLen[i]] := currentTerm[i];
  end;
  ruleset k: Index do
    rule "AdvanceCommitIndex"
      role[i] = leader & commitIndex[i] < k & k <= logLen[i] & log[i][k] = currentTerm[i] & isQuorum(replicas(i, k))
    ==>
      commitIndex[i] := k;
      for m: Index do
        if m <= k & committed[m].entryTerm = 0 then
          committed[m].entryTerm := log[i][m]; committed[m].commitTerm := currentTerm[i];
        end;
      end;
    end;
  end;
  ruleset j: Server do
    rule "RequestVote" i != j & role[i] = candidate & !votesGranted[i][j] ==>
      if currentTerm[j] > currentTerm[i] then stepDown(i, currentTerm[j]);   -- the answer carries a higher term
      else
        if currentTerm[j] < currentTerm[i] then stepDown(j, currentTerm[i]); end;
        if (isundefined(votedFor[j]) | votedFor[j] = i) & logOk(i, j) then
          votedFor[j] := i; votesGranted[i][j] := true;
        end;
      end;
    end;
    ruleset prev: LogLen do
      rule "AppendEntries" i != j & role[i] = leader & matchIndex[i][j] <= prev & prev <= logLen[i] ==>
      var last: LogLen;
      begin
        if currentTerm[j] > currentTerm[i] then stepDown(i, currentTerm[j]);
        else
          if currentTerm[j] < currentTerm[i] then stepDown(j, currentTerm[i]);
          else role[j] := follower;   -- a candidate of the same term steps down
          end;
          if prev = 0 | (prev <= logLen[j] & log[j][prev] = log[i][prev]) then
            last := prev;
            if prev < logLen[i] then
              last := prev + 1;
              if logLen[j] >= last & log[j][last] != log[i][last] then
                for m: Index do if m >= last then log[j][m] := 0; end; end;
                logLen[j] := prev;
              end;
              if logLen[j] < last then log[j][last] := log[i][last]; logLen[j] := last; end;
            end;
            if commitIndex[i] > commitIndex[j] then
              if commitIndex[i] < last then commitIndex[j] := commitIndex[i];
              elsif last > commitIndex[j] then commitIndex[j] := last;
              end;
            end;
            if last > matchIndex[i][j] then matchIndex[i][j] := last; end;
          end;
        end;
      end;
    end;
  end;
end;

restart "Restart" i: Server where role[i] != follower | commitIndex[i] != 0;

cover "log full and committed" committed[MAX_LOG].entryTerm != 0;
cover "an entry of an earlier term committed"
  exists k: Index do committed[k].entryTerm != 0 & committed[k].entryTerm < committed[k].commitTerm end;
cover "two leaders at once"
  exists i: Server do exists j: Server do i != j & role[i] = leader & role[j] = leader end end;

invariant "ElectionSafety"
  forall i: Server do forall j: Server do
    (i != j & role[i] = leader & role[j] = leader) -> currentTerm[i] != currentTerm[j] end end;
invariant "LogMatching"
  forall i: Server do forall j: Server do forall k: Index do
    (k <= logLen[i] & k <= logLen[j] & log[i][k] = log[j][k]) -> forall m: Index do m <= k -> log[i][m] = log[j][m] end
  end end end;
invariant "LeaderCompleteness"
  forall l: Server do forall k: Index do
    (role[l] = leader & committed[k].entryTerm != 0 & currentTerm[l] > committed[k].commitTerm)
    -> (k <= logLen[l] & log[l][k] = committed[k].entryTerm) end end;
invariant "StateMachineSafety"
  forall i: Server do forall k: Index do k <= commitIndex[i] -> (k <= logLen[i] & log[i][k] = committed[k].entryTerm) end end;
