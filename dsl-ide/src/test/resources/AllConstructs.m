-- Every construct of docs/language.md, for the language server's whole-language test (LanguageCoverageTest).
const
  N: 2;
  Half: 1.0 / 2;

type
  Node: scalarset(N);
  Other: scalarset(1);
  Level: 0 .. 3;
  Color: enum { red, green };
  Pair: record
    a: Level;
    b: boolean;
  end;
  Table: array [Node] of Pair;
  Either: union { Node, Other };
  Bag: multiset [2] of Level;
  Temp: real(4, 10);

var
  durable term: array [Node] of Level := 0;
  leader: array [Node] of boolean := false;
  color: Color;
  durable table: Table;
  who: Either;
  bag: Bag;
  temp: Temp;

network msgs: set of
  Prepared(rm: Node);
  Commit;
end;

network net: unordered lossy duplicating capacity 4 of
  Ping(src: Node, lvl: Level);
  Stop;
end;

network ch: ordered [Node] capacity 2 of
  Data(v: Level);
end;

function bump(x: Level): Level;
begin
  if x < 3 then return x + 1; elsif x = 3 then return 3; else return 0; end;
end;

procedure reset(var p: Pair; k: Level);
var tmp: Level;
begin
  tmp := k;
  p.a := tmp;
  p.b := false;
end;

startstate "init"
begin
  color := red;
  for n: Node do
    reset(table[n], 0);
  end;
  undefine who;
  who := UNDEFINED;
  clear bag;
  temp := Half;
end;

rule 5 "paint" color = red ==>
begin
  switch color
    case red: color := green;
    else color := red;
  end;
  put "painted";
end;

ruleset n: Node; i := 0 to 1 by 1 do
  rule "grow" term[n] < 3 & i = 0 ==>
  var next: Level;
  begin
    next := bump(term[n]);
    term[n] := next;
    while next > 3 do next := next - 1; end;
    alias t: table[n] do t.a := next; end;
    MultisetAdd(next, bag);
    send net Ping(n, next);
    broadcast net Ping(n, 0) to d: Node except n;
    send msgs Prepared(n);
    send ch Data(1) from n to n;
    assert "in range" next <= 3;
    if next > 3 then error "too big"; end;
    temp := sqrt(4.0);
  end;
end;

alias first: table do
  rule "clear bag" MultisetCount(j: bag, bag[j] = 0) > 0 ==>
  begin
    MultisetRemovePred(j: bag, bag[j] = 0);
  end;
end;

choose k: bag do
  rule "take" true ==> MultisetRemove(k, bag); end;
end;

ruleset n: Node do
  receive "pong" net Ping(s, l) where s != n ==> term[n] := l; end;
  receive net Stop ==> leader[n] := false; end;
  receive msgs Prepared(r) ==> leader[r] := true; end;
  receive ch Data(v) from a to b ==> term[b] := v; end;
end;

restart "crash" p: Node where leader[p] ==>
  term[p] := term[p];
end;

invariant "levels" forall n: Node do term[n] <= 3 end;
invariant exists n: Node do true end "somebody";
assume "sane" isundefined(color) | ismember(who, Node) | true;
cover "leader" leader[who] | true;
liveness "eventually" true;
invariant "sent" inflight(msgs, Prepared(who)) | !inflight(net, Stop) | true;

-- what a send to a full network does, and the guards that ask a network how full it is
network spill: unordered capacity 1 when full: drop of
  Note(who: Node);
end;
network strict: ordered [Node] capacity 1 when full: error of
  Tick;
end;
ruleset n: Node do
  rule "spill" !full(spill) & count(net) < 4 & count(ch, n, n) = 0 ==> send spill Note(n); end;
  rule "tick" !full(strict, n, n) ==> send strict Tick from n to n; end;
end;
