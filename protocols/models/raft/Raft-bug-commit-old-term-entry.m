-- Raft, bugged: a leader that commits an entry of an earlier term by counting replicas (Figure 8).
--
-- Source: Raft.m in this directory, with one condition removed. Section 5.4.2 of the Raft paper: a
-- leader may not conclude that an entry from a previous term is committed once it is stored on a
-- majority; only entries of the leader's current term are committed by counting replicas (earlier
-- entries are then committed with them by the Log Matching Property). Figure 8 of the paper shows why:
-- an old entry on a majority can still be overwritten by a server elected with a log whose last entry
-- has a later term. Here "AdvanceCommitIndex" drops the condition log[i][k] = currentTerm[i].
--
-- Parameters and flags: as Raft.m (3 servers, MAX_TERM = 4, MAX_LOG = 2, --deadlock-detection off);
-- MAX_TERM = 4 is the least bound for which the scenario exists with 3 servers.
-- Expected results: invariant "LeaderCompleteness" violated under every symmetry mode (off,
-- heuristic, exhaustive); the shortest counterexample is 18 transitions, which Ballot prints
-- as "End of the counterexample (19 steps)" (it counts the start state as step 1); explained in
-- docs/protocols.md.
-- ballot: deadlock-detection off
const
  NUM_SERVERS: 3;
  MAX_TERM: 4;
  MAX_LOG: 2;

type
  Server: scalarset(NUM_SERVERS);
  Term: 0 .. MAX_TERM;
  Index: 1 .. MAX_LOG;
  LogLen: 0 .. MAX_LOG;
  Role: enum { follower, candidate, leader };
  Committed: record
    entryTerm: Term;    -- 0: nothing committed at this index yet
    commitTerm: Term;   -- the term of the leader that committed it
  end;

var
  currentTerm: array [Server] of Term;
  role: array [Server] of Role;
  votedFor: array [Server] of Server;                   -- undefined: no vote in currentTerm
  logLen: array [Server] of LogLen;
  log: array [Server] of array [Index] of Term;         -- entry terms; 0 beyond logLen
  commitIndex: array [Server] of LogLen;
  votesGranted: array [Server] of array [Server] of boolean;   -- candidate's tally
  matchIndex: array [Server] of array [Server] of LogLen;      -- leader's knowledge
  committed: array [Index] of Committed;                -- ghost

function lastTerm(i: Server): Term;
begin
  if logLen[i] = 0 then return 0; else return log[i][logLen[i]]; end;
end;

-- Section 5.4.1: the candidate's log is at least as up-to-date as the voter's.
function logOk(cand: Server; voter: Server): boolean;
begin
  return lastTerm(cand) > lastTerm(voter)
         | (lastTerm(cand) = lastTerm(voter) & logLen[cand] >= logLen[voter]);
end;

function isQuorum(n: 0 .. NUM_SERVERS): boolean;
begin
  return 2 * n > NUM_SERVERS;
end;

function votes(i: Server): 0 .. NUM_SERVERS;
var n: 0 .. NUM_SERVERS;
begin
  n := 0;
  for j: Server do
    if votesGranted[i][j] then n := n + 1; end;
  end;
  return n;
end;

-- The leader itself and the servers it knows to store index k.
function replicas(i: Server; k: Index): 0 .. NUM_SERVERS;
var n: 0 .. NUM_SERVERS;
begin
  n := 1;
  for j: Server do
    if j != i & matchIndex[i][j] >= k then n := n + 1; end;
  end;
  return n;
end;

-- A server that sees a higher term t becomes a follower of t with no vote.
procedure stepDown(i: Server; t: Term);
begin
  currentTerm[i] := t;
  role[i] := follower;
  undefine votedFor[i];
  for j: Server do
    votesGranted[i][j] := false;
    matchIndex[i][j] := 0;
  end;
end;

startstate "Init"
begin
  for i: Server do
    currentTerm[i] := 0;
    role[i] := follower;
    undefine votedFor[i];
    logLen[i] := 0;
    commitIndex[i] := 0;
    for k: Index do log[i][k] := 0; end;
    for j: Server do
      votesGranted[i][j] := false;
      matchIndex[i][j] := 0;
    end;
  end;
  for k: Index do
    committed[k].entryTerm := 0;
    committed[k].commitTerm := 0;
  end;
end;

ruleset i: Server do
  -- Election timeout: a follower or candidate starts an election in the next term and votes for itself.
  rule "Timeout"
    role[i] != leader & currentTerm[i] < MAX_TERM
  ==>
  begin
    currentTerm[i] := currentTerm[i] + 1;
    role[i] := candidate;
    votedFor[i] := i;
    for j: Server do
      votesGranted[i][j] := false;
      matchIndex[i][j] := 0;
    end;
    votesGranted[i][i] := true;
  end;

  -- Crash and restart: the persistent state (currentTerm, votedFor, log) survives, the volatile
  -- state (role, commitIndex, votesGranted, matchIndex) is lost.
  rule "Restart"
    role[i] != follower | commitIndex[i] != 0
  ==>
  begin
    role[i] := follower;
    commitIndex[i] := 0;
    for j: Server do
      votesGranted[i][j] := false;
      matchIndex[i][j] := 0;
    end;
  end;

  -- A candidate with votes from a majority becomes leader.
  rule "BecomeLeader"
    role[i] = candidate
    & isQuorum(votes(i))
  ==>
  begin
    role[i] := leader;
    for j: Server do matchIndex[i][j] := 0; end;
  end;

  -- A leader appends a client's command to its log.
  rule "ClientRequest"
    role[i] = leader & logLen[i] < MAX_LOG
  ==>
  begin
    logLen[i] := logLen[i] + 1;
    log[i][logLen[i]] := currentTerm[i];
  end;

  -- A leader commits index k: a majority (itself included) stores the entry, and the entry is from
  -- the leader's own term (section 5.4.2); earlier entries are committed with it.
  ruleset k: Index do
    rule "AdvanceCommitIndex"
      role[i] = leader & commitIndex[i] < k & k <= logLen[i]
      -- BUG: no check that the entry is from the leader's current term
      -- (correct: & log[i][k] = currentTerm[i]).
      & isQuorum(replicas(i, k))
    ==>
    begin
      commitIndex[i] := k;
      for m: Index do
        if m <= k & committed[m].entryTerm = 0 then
          committed[m].entryTerm := log[i][m];
          committed[m].commitTerm := currentTerm[i];
        end;
      end;
    end;
  end;

  ruleset j: Server do
    -- j handles candidate i's RequestVote; i counts the answer.
    rule "RequestVote"
      i != j & role[i] = candidate & !votesGranted[i][j]
    ==>
    begin
      if currentTerm[j] > currentTerm[i] then
        stepDown(i, currentTerm[j]);             -- the answer carries a higher term
      else
        if currentTerm[j] < currentTerm[i] then
          stepDown(j, currentTerm[i]);
        end;
        if (isundefined(votedFor[j]) | votedFor[j] = i) & logOk(i, j) then
          votedFor[j] := i;
          votesGranted[i][j] := true;
        end;
      end;
    end;

    -- j handles leader i's AppendEntries with prevLogIndex = prev and at most one entry; i records
    -- the result.
    ruleset prev: LogLen do
      rule "AppendEntries"
        i != j & role[i] = leader & matchIndex[i][j] <= prev & prev <= logLen[i]
      ==>
      var last: LogLen;
      begin
        if currentTerm[j] > currentTerm[i] then
          stepDown(i, currentTerm[j]);
        else
          if currentTerm[j] < currentTerm[i] then
            stepDown(j, currentTerm[i]);
          else
            role[j] := follower;                 -- a candidate of the same term steps down
          end;
          if prev = 0 | (prev <= logLen[j] & log[j][prev] = log[i][prev]) then
            last := prev;
            if prev < logLen[i] then
              last := prev + 1;
              if logLen[j] >= last & log[j][last] != log[i][last] then
                -- a conflicting entry: delete it and all that follow (section 5.3)
                for m: Index do
                  if m >= last then log[j][m] := 0; end;
                end;
                logLen[j] := prev;
              end;
              if logLen[j] < last then
                log[j][last] := log[i][last];
                logLen[j] := last;
              end;
            end;
            if commitIndex[i] > commitIndex[j] then
              -- commitIndex := min(leaderCommit, index of the last new entry)
              if commitIndex[i] < last then
                commitIndex[j] := commitIndex[i];
              elsif last > commitIndex[j] then
                commitIndex[j] := last;
              end;
            end;
            if last > matchIndex[i][j] then
              matchIndex[i][j] := last;
            end;
          end;
        end;
      end;
    end;
  end;
end;

------------------------------------------------------------------------------------------------------
-- Properties

-- Sanity: the interesting situations are reachable (a cover never satisfied fails the check).
cover "log full and committed"
  committed[MAX_LOG].entryTerm != 0;

cover "an entry of an earlier term committed"
  exists k: Index do committed[k].entryTerm != 0 & committed[k].entryTerm < committed[k].commitTerm end;

cover "two leaders at once"
  exists i: Server do exists j: Server do i != j & role[i] = leader & role[j] = leader end end;

invariant "ElectionSafety"
  forall i: Server do forall j: Server do
    (i != j & role[i] = leader & role[j] = leader) -> currentTerm[i] != currentTerm[j]
  end end;

invariant "LogMatching"
  forall i: Server do forall j: Server do forall k: Index do
    (k <= logLen[i] & k <= logLen[j] & log[i][k] = log[j][k])
    -> forall m: Index do m <= k -> log[i][m] = log[j][m] end
  end end end;

invariant "LeaderCompleteness"
  forall l: Server do forall k: Index do
    (role[l] = leader & committed[k].entryTerm != 0 & currentTerm[l] > committed[k].commitTerm)
    -> (k <= logLen[l] & log[l][k] = committed[k].entryTerm)
  end end;

invariant "StateMachineSafety"
  forall i: Server do forall k: Index do
    k <= commitIndex[i] -> (k <= logLen[i] & log[i][k] = committed[k].entryTerm)
  end end;
