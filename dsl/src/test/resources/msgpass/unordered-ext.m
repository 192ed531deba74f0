-- An unordered network (a multiset of records) with broadcast, send and receive; unordered-plain.m is its plain twin.
const N: 2;
type Node: scalarset(N);
var count: array [Node] of 0..2 := 0;
network net: unordered capacity 4 of
  Ping(src: Node, dst: Node);
  Pong(src: Node, dst: Node);
end;
ruleset n: Node do
  rule "start" count[n] < 2 ==> begin count[n] := count[n] + 1; broadcast net Ping(n, d) to d: Node except n; end;
  receive net Ping(s, d) where d = n ==> send net Pong(d, s) end;
end;
receive net Pong(s, d) ==> end;
invariant "ok" true;
