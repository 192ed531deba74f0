-- An ordered lossy network: FIFO queues per (sender, receiver) pair; ordered-plain.m is its plain twin.
type Node: scalarset(2);
var sent: array [Node] of 0 .. 3 := 0;
    got: array [Node] of 0 .. 3 := 0;
network ch: ordered [Node] lossy capacity 2 of
  Data(v: 0 .. 3);
end;
ruleset n: Node; m: Node do
  rule "send" n != m & sent[n] < 2 ==> sent[n] := sent[n] + 1; send ch Data(sent[n]) from n to m; end;
end;
receive ch Data(v) from s to r ==> got[r] := v; end;
invariant "in order" forall n: Node do got[n] <= 3 end;
