-- A 'return' that ends a loop over a scalarset which also changes something keeps the changes of the iterations
-- visited before it: which ones depends on the iteration order. Accepted, with a warning. (A loop that only
-- searches, e.g. returning true when some element qualifies, is fine: see positive/symmetry-order-independent-
-- loops.m.)
type
  node: scalarset(3);

var
  busy: array [node] of boolean;
  done: array [node] of boolean;

procedure markUntilBusy();
begin
  for n: node do
    if busy[n] then
      -- warning: this 'return' leaves the loop early
      return;
    end;
    done[n] := true;
  end;
end;

function pick(): 0 .. 2;
begin
  for n: node do
    if busy[n] then
      -- warning: return different values under conditions that depend on 'n'
      return 1;
    end;
    if done[n] then
      return 2;
    end;
  end;
  return 0;
end;

startstate begin
  clear busy;
  clear done;
  markUntilBusy();
  if pick() = 1 then
    clear done;
  end;
end;
