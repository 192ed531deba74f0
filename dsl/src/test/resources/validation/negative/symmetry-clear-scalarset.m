-- 'clear' sets every value to its type's first value, but a scalarset has no first value: its values are
-- interchangeable. CMurphi rejects this ("Target of CLEAR statement must not contain a scalarset variable"); Rumur
-- accepts it. Clearing an array indexed by a scalarset is fine (see positive/symmetry-scalarset-uses.m); use
-- 'undefine' for scalarset values.
type
  node: scalarset(3);
  entry: record
    who: node;
    valid: boolean;
  end;

var
  owner: node;
  table: array [node] of entry;

startstate begin
  -- error: clearing a scalarset value breaks symmetry
  clear owner;
  -- error: use 'undefine' instead
  clear table;
  undefine table;
  undefine owner;
end;
