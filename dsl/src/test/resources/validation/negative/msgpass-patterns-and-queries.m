-- Message-passing extensions: receive pattern names declared outside the rule, network queries and 'when full'.
const K: 1;

type
  Node: scalarset(2);

var
  flag: boolean := false;
  level: 0 .. 3 := 0;

network net: unordered capacity 2 of
  Ping(src: Node);
  Level(v: 0 .. 3);
end;

network log: set of
  Done;
end;

-- error: a set network holds one copy of each message and is never full
network never: set when full: drop of
  Nothing;
end;

network ch: ordered [Node] capacity 2 of
  Data(v: 0 .. 3);
end;

ruleset n: Node do
  -- error: 'level' is already declared (a variable at line 9)
  receive net Level(level) ==> flag := true; end;
  -- error: 'n' is a ruleset parameter of type
  receive net Level(n) ==> flag := true; end;
  -- error: 'k' is a constant of type
  receive ch Data(v) from K to r ==> flag := true; end;
  -- error: 'node' is already declared (a type
  receive net Ping(Node) ==> flag := true; end;
end;

-- error: needs an unordered or ordered network: set network 'log'
invariant "count of a set" count(log) = 0;
-- error: name the queue, full(ch, sender, receiver)
invariant "full of an ordered network" !full(ch);
-- error: takes the network alone: count(net)
invariant "count of a queue of an unordered network" count(net, K, K) = 0;
-- error: network 'net' has no message 'pong'; did you mean 'ping'? (it has ping, level)
invariant "no such message" !inflight(net, Pong(1));
-- error: message 'level' has 1 field (v), not 2
invariant "wrong arity" !inflight(net, Level(1, 2));
-- error: unknown function or procedure 'inflight': it is not declared before this point (the query
invariant "not a network" !inflight(flag, Ping(1));
