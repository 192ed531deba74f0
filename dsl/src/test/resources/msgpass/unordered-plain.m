-- Hand-written plain Murphi equivalent of unordered-ext.m: the lowering of an unordered network, send, broadcast and receive.
const N: 2;
type Node: scalarset(N);
  Kind: enum { Ping, Pong };
  Msg: record kind: Kind; src: Node; dst: Node; end;
var count: array [Node] of 0..2;
  net: multiset [4] of Msg;
startstate begin for n: Node do count[n] := 0; end; end;
ruleset n: Node do
  rule "start" count[n] < 2 ==> var m: Msg; begin count[n] := count[n] + 1;
    for d: Node do if d != n then
      if multisetcount(i: net, true) >= 4 then error "full"; else
      undefine m; m.kind := Ping; m.src := n; m.dst := d; multisetadd(m, net); end; end; end; end;
  choose i: net do
    rule "recv ping" net[i].kind = Ping & net[i].dst = n ==> var m: Msg; s: Node; d: Node; begin
      s := net[i].src; d := net[i].dst; multisetremove(i, net);
      if multisetcount(j: net, true) >= 4 then error "full"; else
      undefine m; m.kind := Pong; m.src := d; m.dst := s; multisetadd(m, net); end; end;
  end;
end;
choose i: net do rule "recv pong" net[i].kind = Pong ==> begin multisetremove(i, net) end; end;
invariant "ok" true;
