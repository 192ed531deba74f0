-- A lossy, duplicating unordered network; duplicating-plain.m is its plain twin.
type Node: scalarset(2);
var got: array [Node] of 0 .. 3 := 0;
network net: unordered lossy duplicating capacity 3 of
  Tick(dst: Node);
end;
ruleset n: Node do
  rule "tick" forall m: Node do got[m] = 0 end ==> got[n] := 1; send net Tick(n); end;
end;
receive net Tick(d) where got[d] < 3 ==> got[d] := got[d] + 1; end;
invariant "bounded" forall n: Node do got[n] <= 3 end;
