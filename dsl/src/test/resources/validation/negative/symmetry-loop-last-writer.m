-- A loop over a scalarset that stores the loop variable (or something depending on it) in a designator that is
-- not indexed by it keeps the value of the last iteration: which value that is depends on the order in which the
-- loop visits the scalarset, which symmetry reduction assumes does not matter. Accepted, with a warning (Rumur and
-- CMurphi accept it silently; the corpus model scalarset-put.m does this).
type
  node: scalarset(3);

var
  owner: node;
  busy: array [node] of boolean;
  level: array [node] of 0 .. 3;
  top: 0 .. 3;

startstate begin
  clear busy;
  clear level;
  for n: node do
    -- warning: 'owner' is not indexed by 'n' but is assigned a value that depends on it
    owner := n;
  end;
  for n: node do
    if busy[n] then
      -- warning: the effect of this 'for n : node' loop may depend on the iteration order
      owner := n;
    end;
  end;
  for n: node do
    -- warning: iteration order
    top := level[n];
  end;
end;
