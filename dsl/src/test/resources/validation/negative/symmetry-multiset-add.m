-- A multiset of scalarset values takes values of that scalarset only (CMurphi multisets).
type
  node: scalarset(3);

var
  m: multiset [3] of node;

startstate begin
  undefine m;
  -- error: adding a value of type integer to a multiset of node breaks symmetry
  MultiSetAdd(1, m);
end;
