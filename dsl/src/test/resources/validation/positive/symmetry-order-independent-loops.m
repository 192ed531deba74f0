-- Loops over a scalarset whose effect does not depend on the iteration order: no warning. Writes indexed by the
-- loop variable, counting, "any"/"all" flags, updates of a designator from itself, per-iteration temporaries,
-- aliases of indexed elements, and a search that only returns a constant.
type
  node: scalarset(3);

var
  busy: array [node] of boolean;
  level: array [node] of 0 .. 3;
  count: 0 .. 3;
  sum: 0 .. 9;
  any, all, parity: boolean;

function someBusy(): boolean;
begin
  for n: node do
    if busy[n] then
      return true;
    end;
  end;
  return false;
end;

procedure tally();
var
  b: boolean;
begin
  count := 0;
  for n: node do
    b := busy[n];          -- a temporary: assigned first in every iteration, unused after the loop
    if b then
      count := count + 1;
    end;
  end;
end;

startstate begin
  clear busy;
  clear level;
  count := 0;
  sum := 0;
  any := false;
  all := true;
  parity := false;
  for n: node do
    level[n] := 0;
    alias l: level[n] do
      l := l + 1;
    end;
    sum := sum + level[n];
    if busy[n] then
      any := true;
      parity := !parity;
    end;
    all := all & busy[n];
  end;
  tally();
  any := someBusy();
end;

ruleset i: node do
  rule busy[i] ==> begin
    busy[i] := false;
  end;
end;
