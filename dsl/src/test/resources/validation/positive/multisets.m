-- CMurphi multisets: multiset [N] of T, MultiSetAdd(element, ms), MultiSetRemove(index, ms),
-- MultiSetRemovePred(i: ms, predicate), MultiSetCount(i: ms, predicate), choose i: ms do rules endchoose.
-- Note: rumur cannot judge this (no multiset support). Syntax per CMurphi's mu.y: the separator
-- before the predicate is ',' (not ';'); keywords are case-insensitive (MultiSetAdd = MultisetAdd).
type
  val_t: 0 .. 3;
  bag_t: multiset [3] of val_t;

var
  bag: bag_t;
  n: 0 .. 3;

startstate begin
  undefine bag;
  n := 0;
end;

rule MultiSetCount(i: bag, true) < 3 ==> begin
  MultiSetAdd(n, bag);
  n := (n + 1) % 4;
end;

choose i: bag do
  rule bag[i] = 0 ==> begin
    MultiSetRemove(i, bag);
  end;
endchoose;

rule MultiSetCount(i: bag, bag[i] > 1) > 0 ==> begin
  MultiSetRemovePred(i: bag, bag[i] > 1);
end;
