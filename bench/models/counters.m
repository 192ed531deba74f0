-- Benchmark: N independent bounded counters; (MAX+1)^N states (10^7 with N = 7).
const
  N: 7;
  MAX: 9;

type
  idx: 1 .. N;
  val: 0 .. MAX;

var
  c: array [idx] of val;

startstate
begin
  for i: idx do
    c[i] := 0;
  end;
end;

ruleset i: idx do
  rule "inc"
    c[i] < MAX ==>
  begin
    c[i] := c[i] + 1;
  end;

  rule "reset"
    c[i] = MAX ==>
  begin
    c[i] := 0;
  end;
end;

invariant "bounded"
  forall i: idx do c[i] <= MAX end;
