-- Message-passing extensions: sends and receives that do not match their network.
type
  Node: scalarset(2);

var
  flag: boolean := false;

network net: unordered capacity 2 of
  Ping(src: Node, dst: Node);
  Stop;
end;

network ch: ordered [Node] capacity 2 of
  Data(v: 0 .. 3);
end;

ruleset n: Node do
  rule "bad sends" true ==>
    -- error: has no message 'pong'; did you mean 'ping'? (it has ping, stop)
    send net Pong(n, n);
    -- error: has 2 fields (src, dst), not 1
    send net Ping(n);
    -- error: field 'dst' of message 'ping' has type
    send net Ping(n, true);
    -- error: needs 'from' and 'to'
    send ch Data(1);
    -- error: 'from' and 'to' name the queue of an ordered network
    send net Stop to n;
    -- error: is not a network
    send flag Stop;
  end;
  -- error: has no message 'pong'
  receive net Pong(a) ==> flag := true; end;
  -- error: 'from' and 'to' name the queue of an ordered network
  receive net Stop from s ==> flag := true; end;
  -- error: a receive guard ('where')
  receive ch Data(v) from s to r where v ==> flag := true; end;
end;

invariant "network in an expression"
  -- error: is a network: use it with send, broadcast and receive
  isundefined(net);
