-- Symmetry benchmark: Dijkstra's 1965 mutual exclusion algorithm for N = 5 processes (ids a scalarset),
-- as in "Solution of a problem in concurrent programming control", with every shared access its own step.
-- b[i] is false while process i wants to enter; c[i] is false while it is trying to pass the final check. While
-- the turn pointer k is not its own, a process sets c[i], reads b[k] and, when the turn's holder is not
-- competing (or no turn has been taken yet), takes the turn with a separate write. Holding the turn, it clears
-- c[i] and reads every other process's c, one at a time and in any order (the set already read is part of its
-- local state); if one of them is also false it goes back to the turn test. In its critical section a process
-- writes its id into a shared variable and checks it is still there before leaving; it then sets c[i] and b[i].
const
  N: 5;   -- processes

type
  pid: scalarset(N);
  pc_t: enum { NCS, L1, L2, L3, TAKE, L4, SCAN, CS, CHECK, EXIT1, EXIT2 };

var
  pc: array [pid] of pc_t;
  b: array [pid] of boolean;
  c: array [pid] of boolean;
  checked: array [pid] of array [pid] of boolean;   -- the other processes' c read so far in SCAN
  k: pid;                                           -- the turn; undefined until some process takes it
  owner: pid;                                       -- written in the critical section, undefined outside it

startstate
begin
  for p: pid do
    pc[p] := NCS;
    b[p] := true;
    c[p] := true;
    for q: pid do
      checked[p][q] := false;
    end;
  end;
  undefine k;
  undefine owner;
end;

ruleset p: pid do
  rule "want"
    pc[p] = NCS ==>
  begin
    b[p] := false;
    pc[p] := L1;
  end;

  rule "test turn"
    pc[p] = L1 ==>
  begin
    if !isundefined(k) & k = p then
      pc[p] := L4;
    else
      pc[p] := L2;
    end;
  end;

  rule "withdraw"
    pc[p] = L2 ==>
  begin
    c[p] := true;
    pc[p] := L3;
  end;

  -- read b[k]: the turn may be taken when its holder does not want to enter
  rule "read turn holder"
    pc[p] = L3 ==>
  begin
    if isundefined(k) then
      pc[p] := TAKE;
    elsif b[k] then
      pc[p] := TAKE;
    else
      pc[p] := L1;
    end;
  end;

  rule "take turn"
    pc[p] = TAKE ==>
  begin
    k := p;
    pc[p] := L1;
  end;

  rule "compete"
    pc[p] = L4 ==>
  begin
    c[p] := false;
    pc[p] := SCAN;
  end;

  ruleset q: pid do
    rule "scan"
      pc[p] = SCAN & p != q & !checked[p][q] ==>
    begin
      if !c[q] then
        for r: pid do
          checked[p][r] := false;
        end;
        pc[p] := L1;
      else
        checked[p][q] := true;
      end;
    end;
  end;

  rule "scan done"
    pc[p] = SCAN & (forall q: pid do p = q | checked[p][q] end) ==>
  begin
    for r: pid do
      checked[p][r] := false;
    end;
    pc[p] := CS;
  end;

  rule "enter"
    pc[p] = CS ==>
  begin
    owner := p;
    pc[p] := CHECK;
  end;

  rule "check"
    pc[p] = CHECK ==>
  begin
    assert !isundefined(owner) & owner = p "another process wrote the owner";
    undefine owner;
    pc[p] := EXIT1;
  end;

  rule "exit: c"
    pc[p] = EXIT1 ==>
  begin
    c[p] := true;
    pc[p] := EXIT2;
  end;

  rule "exit: b"
    pc[p] = EXIT2 ==>
  begin
    b[p] := true;
    pc[p] := NCS;
  end;
end;

invariant "mutual exclusion"
  forall p: pid do
    forall q: pid do
      p != q -> !((pc[p] = CS | pc[p] = CHECK) & (pc[q] = CS | pc[q] = CHECK))
    end
  end;

invariant "a process between its final check and its exit has c false"
  forall p: pid do
    (pc[p] = SCAN | pc[p] = CS | pc[p] = CHECK | pc[p] = EXIT1) -> !c[p]
  end;
