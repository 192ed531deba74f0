-- Symmetry benchmark: N = 7 processes sharing L = 3 Mellor-Crummey-Scott queue locks (process ids and lock ids
-- are two scalarsets). A process picks any lock and queues for it: it swaps itself into that lock's tail pointer; if
-- there was a predecessor it marks itself locked, links itself behind the predecessor and spins on its own flag.
-- To release, it hands the lock to its successor, or, when it has none, tries to compare-and-swap the tail back
-- to nil, waiting for a late successor to link itself when that fails. Every pointer (a tail, a next pointer,
-- the predecessor a process remembers, the holder of a lock) is a process id or undefined for nil. In its
-- critical section a process writes its id as the lock's holder and checks it is still there before leaving.
-- bench-symmetry: no-rumur-exhaustive (Rumur's exhaustive mode tries all 7! * 3! = 30240 permutations per state)
const
  N: 7;   -- processes
  L: 3;   -- locks

type
  pid: scalarset(N);
  lock: scalarset(L);
  pc_t: enum { NCS, SWAP, LINK, SPIN, CS, CHECK, REL, CAS, WAIT, HANDOFF };

var
  pc: array [pid] of pc_t;
  lk: array [pid] of lock;    -- the lock a process is using; undefined in NCS
  locked: array [pid] of boolean;
  next: array [pid] of pid;   -- undefined: nil
  pred: array [pid] of pid;   -- the predecessor returned by the swap, until linked
  tail: array [lock] of pid;  -- undefined: nil
  holder: array [lock] of pid;  -- written in the critical section, undefined outside it

startstate
begin
  for p: pid do
    pc[p] := NCS;
    undefine lk[p];
    locked[p] := false;
    undefine next[p];
    undefine pred[p];
  end;
  for l: lock do
    undefine tail[l];
    undefine holder[l];
  end;
end;

ruleset p: pid do
  ruleset l: lock do
    rule "acquire"
      pc[p] = NCS ==>
    begin
      lk[p] := l;
      pc[p] := SWAP;
    end;
  end;

  -- pred := swap(tail, p)
  rule "swap"
    pc[p] = SWAP ==>
  begin
    if isundefined(tail[lk[p]]) then
      pc[p] := CS;
    else
      pred[p] := tail[lk[p]];
      locked[p] := true;
      pc[p] := LINK;
    end;
    tail[lk[p]] := p;
  end;

  -- pred.next := p
  rule "link"
    pc[p] = LINK ==>
  begin
    next[pred[p]] := p;
    undefine pred[p];
    pc[p] := SPIN;
  end;

  rule "spin"
    pc[p] = SPIN & !locked[p] ==>
  begin
    pc[p] := CS;
  end;

  rule "enter"
    pc[p] = CS ==>
  begin
    holder[lk[p]] := p;
    pc[p] := CHECK;
  end;

  rule "check"
    pc[p] = CHECK ==>
  begin
    assert !isundefined(holder[lk[p]]) & holder[lk[p]] = p "another process holds the lock";
    undefine holder[lk[p]];
    pc[p] := REL;
  end;

  rule "release"
    pc[p] = REL ==>
  begin
    if isundefined(next[p]) then
      pc[p] := CAS;
    else
      pc[p] := HANDOFF;
    end;
  end;

  -- compare-and-swap(tail, p, nil)
  rule "cas"
    pc[p] = CAS ==>
  begin
    if !isundefined(tail[lk[p]]) & tail[lk[p]] = p then
      undefine tail[lk[p]];
      undefine lk[p];
      pc[p] := NCS;
    else
      pc[p] := WAIT;
    end;
  end;

  rule "wait for successor"
    pc[p] = WAIT & !isundefined(next[p]) ==>
  begin
    pc[p] := HANDOFF;
  end;

  -- next.locked := false
  rule "handoff"
    pc[p] = HANDOFF ==>
  begin
    locked[next[p]] := false;
    undefine next[p];
    undefine lk[p];
    pc[p] := NCS;
  end;
end;

invariant "mutual exclusion on each lock"
  forall p: pid do
    forall q: pid do
      (p != q & (pc[p] = CS | pc[p] = CHECK) & (pc[q] = CS | pc[q] = CHECK)) -> lk[p] != lk[q]
    end
  end;

invariant "a lock's tail is nil only when no process is queued on it or holds it"
  forall l: lock do
    isundefined(tail[l]) ->
      forall p: pid do pc[p] = NCS | pc[p] = SWAP | lk[p] != l end
  end;
