-- Hand-written plain Murphi equivalent of duplicating-ext.m.
type Node: scalarset(2);
  Kind: enum { Tick };
  Msg: record kind: Kind; dst: Node; end;
var got: array [Node] of 0 .. 3;
    net: multiset [3] of Msg;
startstate begin for n: Node do got[n] := 0; end; end;
ruleset n: Node do
  rule "tick" forall m: Node do got[m] = 0 end ==> var m: Msg; begin
    got[n] := 1;
    undefine m;
    -- a lossy network drops what it has no room for
    if multisetcount(i: net, true) < 3 then m.kind := Tick; m.dst := n; multisetadd(m, net); end;
  end;
end;
choose i: net do
  rule "receive" net[i].kind = Tick & got[net[i].dst] < 3 ==> var d: Node; begin
    d := net[i].dst; multisetremove(i, net); got[d] := got[d] + 1;
  end;
  rule "lose" begin multisetremove(i, net) end;
  rule "duplicate" multisetcount(j: net, true) < 3 ==> var copy: Msg; begin copy := net[i]; multisetadd(copy, net) end;
end;
invariant "bounded" forall n: Node do got[n] <= 3 end;
