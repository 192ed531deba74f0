-- A test model of the trace viewer: a lossy network of capacity 1, whose second Ping finds it full and is
-- dropped (when full: drop, a lossy network's default). The drop is not the first Ping's loss: that Ping stays
-- in flight (a dashed arrow from node 0 to node 1), and the step that dropped the second says so.
-- Expected: invariant "fewer than two pings" violated; the counterexample is start, ping, ping (3 steps).

type
  Node: 0 .. 1;

var
  pings: array [Node] of 0 .. 2 := 0;

network net: unordered lossy capacity 1 of
  Ping(src: Node, dst: Node);
end;

ruleset n: Node do
  rule "ping" n = 0 & pings[n] < 2 ==>
    pings[n] := pings[n] + 1;
    send net Ping(n, 1);
  end;
end;

invariant "fewer than two pings" pings[0] < 2;
