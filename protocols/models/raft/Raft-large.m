-- Raft, large configuration: Raft.m in this directory with MAX_LOG = 3 (3 servers, terms 0 .. 4,
-- logs of up to 3 entries), the largest configuration of the library's Raft model.
--
-- Source, abstraction, properties and flags: see the header of Raft.m (only MAX_LOG differs).
-- Expected results (ballot check --deadlock-detection off): holds, every cover hit; states:
-- 31,439,454 with --symmetry-reduction off, 5,266,582 with heuristic, 5,266,582 with exhaustive;
-- Depth: 32 (steps from the start state). Times: docs/protocols.md (about 4 minutes with off).
-- ballot: deadlock-detection off
const
  NUM_SERVERS: 3;
  MAX_TERM: 4;
  MAX_LOG: 3;

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
      & log[i][k] = currentTerm[i]
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
