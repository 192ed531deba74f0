-- Benchmark: two-phase commit with N participants, asynchronous votes and decisions, and crash-free links.
const
  N: 9;

type
  rm: 1 .. N;
  rm_state: enum { working, prepared, committed, aborted };
  tm_state: enum { init, tm_committed, tm_aborted };

var
  rms: array [rm] of rm_state;
  tms: tm_state;
  prepared_seen: array [rm] of boolean;
  msg_prepared: array [rm] of boolean;
  msg_commit: boolean;
  msg_abort: boolean;

startstate
begin
  for r: rm do
    rms[r] := working;
    prepared_seen[r] := false;
    msg_prepared[r] := false;
  end;
  tms := init;
  msg_commit := false;
  msg_abort := false;
end;

ruleset r: rm do
  rule "rm prepares"
    rms[r] = working ==>
  begin
    rms[r] := prepared;
    msg_prepared[r] := true;
  end;

  rule "rm chooses to abort"
    rms[r] = working ==>
  begin
    rms[r] := aborted;
  end;

  rule "tm receives prepared"
    tms = init & msg_prepared[r] & !prepared_seen[r] ==>
  begin
    prepared_seen[r] := true;
  end;

  rule "rm receives commit"
    msg_commit & rms[r] != committed ==>
  begin
    rms[r] := committed;
  end;

  rule "rm receives abort"
    msg_abort & rms[r] != aborted ==>
  begin
    rms[r] := aborted;
  end;
end;

rule "tm commits"
  tms = init & forall r: rm do prepared_seen[r] end ==>
begin
  tms := tm_committed;
  msg_commit := true;
end;

rule "tm aborts"
  tms = init ==>
begin
  tms := tm_aborted;
  msg_abort := true;
end;

invariant "consistent"
  forall r1: rm do forall r2: rm do !(rms[r1] = aborted & rms[r2] = committed) end end;
