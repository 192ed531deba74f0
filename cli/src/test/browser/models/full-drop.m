-- A test model of the trace viewer: a lossy network of capacity 1, whose second Ping finds it full and is
-- dropped (when full: drop, a lossy network's default). The drop is not the first Ping's loss: that Ping stays
-- in flight (a dashed arrow from A to B), and the step that dropped the second says so.
-- Expected: invariant "fewer than two pings" violated; the counterexample is start, ping, ping (3 steps).

type
  Node: enum { A, B };

var
  pings: array [Node] of 0 .. 2 := 0;

network net: unordered lossy capacity 1 of
  Ping(src: Node, dst: Node);
end;

rule "ping" pings[A] < 2 ==>
  pings[A] := pings[A] + 1;
  send net Ping(A, B);
end;

invariant "fewer than two pings" pings[A] < 2;
