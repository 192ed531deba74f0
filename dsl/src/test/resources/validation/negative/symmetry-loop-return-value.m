-- A function that returns the first value of a scalarset satisfying a condition returns a different value under
-- each ordering of the scalarset. Accepted, with a warning.
type
  node: scalarset(3);

var
  busy: array [node] of boolean;
  owner: node;

function firstBusy(): node;
begin
  for n: node do
    if busy[n] then
      -- warning: this 'return' leaves the loop with a value that depends on 'n'
      return n;
    end;
  end;
  return owner;
end;

startstate begin
  clear busy;
  undefine owner;
  owner := firstBusy();
end;
