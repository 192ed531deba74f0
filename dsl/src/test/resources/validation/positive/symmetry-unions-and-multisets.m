-- Scalarset values in CMurphi unions and multisets, compared with = and != against values of the same scalarset.
-- (Rumur cannot judge this: it supports neither unions nor multisets.)
type
  proc: scalarset(2);
  home: enum { Home };
  node: union { proc, home };

var
  owner: node;
  last: proc;
  pending: multiset [2] of proc;

startstate begin
  owner := Home;
  undefine last;
  undefine pending;
end;

ruleset p: proc do
  rule "request" MultiSetCount(k: pending, pending[k] = p) = 0 ==> begin
    MultiSetAdd(p, pending);
  end;
end;

choose k: pending do
  rule "grant" owner = Home ==> begin
    owner := pending[k];
    last := pending[k];
    MultiSetRemove(k, pending);
  end;
endchoose;

rule "return" owner != Home ==> begin
  if ismember(owner, proc) & owner = last then
    owner := Home;
  end;
end;

invariant "the owner is the last one granted"
  owner = Home | owner = last;
