-- Token passing over a message network (CMurphi multisets), bugged: a node that sends the token on keeps
-- it. A test model of the trace viewer: its counterexample has a message from one node to another (Send
-- puts {src, dst} into the network, Receive takes it out), so the swimlane view must draw an arrow.
-- Expected: invariant "OneToken" violated; the shortest counterexample is Init, Send, Receive (3 steps).

const
  NUM_NODES: 3;

type
  Node: scalarset(NUM_NODES);
  Message: record
    src: Node;
    dst: Node;
  end;

var
  hasToken: array [Node] of boolean;
  net: multiset [2] of Message;

ruleset n: Node do
  startstate "Init"
  begin
    for k: Node do hasToken[k] := false; end;
    hasToken[n] := true;
    undefine net;
  end;
end;

ruleset n: Node; m: Node do
  rule "Send"
    hasToken[n] & n != m & MultisetCount(i: net, true) = 0
  ==>
  var msg: Message;
  begin
    msg.src := n;
    msg.dst := m;
    MultisetAdd(msg, net);
    -- BUG: hasToken[n] := false is missing.
  end;
end;

choose i: net do
  rule "Receive"
    true
  ==>
  begin
    hasToken[net[i].dst] := true;
    MultisetRemove(i, net);
  end;
endchoose;

invariant "OneToken"
  forall a: Node do forall b: Node do (hasToken[a] & hasToken[b]) -> a = b end end;
