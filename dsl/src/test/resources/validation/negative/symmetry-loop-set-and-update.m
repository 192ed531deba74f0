-- A counter that is both updated and reset in a loop over a scalarset, under a condition that depends on the loop
-- variable, ends with a count of the iterations after the last reset: it depends on the iteration order.
-- Accepted, with a warning.
type
  node: scalarset(3);

var
  busy: array [node] of boolean;
  run: 0 .. 3;

startstate begin
  clear busy;
  run := 0;
  for n: node do
    if busy[n] then
      -- warning: is both set and updated in the loop
      run := run + 1;
    else
      run := 0;
    end;
  end;
end;
