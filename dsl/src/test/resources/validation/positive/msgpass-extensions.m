-- Message-passing extensions: every form, accepted; the extension keywords remain usable as names elsewhere.
const N: 2;

type
  Node: scalarset(N);
  Phase: enum { idle, waiting, done };

var
  phase: array [Node] of Phase := idle;
  durable epoch: array [Node] of 0 .. 2 := 0;
  acks: array [Node] of 0 .. N := 0;

network net: unordered lossy duplicating capacity 4 of
  Request(src: Node, dst: Node, e: 0 .. 2);
  Ack(src: Node, dst: Node);
end;

network log: set of
  Decided(n: Node);
end;

network ticks: unordered capacity 2 when full: drop of
  Tick(dst: Node);
end;

network strict: unordered lossy capacity 2 when full: error of
  Tock;
end;

network ch: ordered [Node] lossy capacity 2 of
  Hello(e: 0 .. 2);
  Bye;
end;

function decidedAll(): boolean;
begin return forall n: Node do inflight(log, Decided(n)) end; end;

ruleset n: Node do
  rule "start" phase[n] = idle & epoch[n] < 2 ==>
    phase[n] := waiting; epoch[n] := epoch[n] + 1;
    broadcast net Request(n, d, epoch[n]) to d: Node except n;
    broadcast ch Hello(epoch[n]) from n to d: Node except n;
  end;
  receive net Request(s, d, e) where d = n ==> send net Ack(d, s); end;
  receive "got ack" net Ack(s, d) where d = n & phase[n] = waiting ==>
    var total: 0 .. N;
    begin
      total := acks[n] + 1;
      if total = N - 1 then phase[n] := done; send log Decided(n); acks[n] := 0; else acks[n] := total; end;
    end;
  receive ch Hello(e) from s to r where r = n ==> if e > 1 then send ch Bye from r to s; end; end;
  receive ch Bye from s to r ==> end;
  -- a ruleset parameter in a pattern: only a Tick for n (the field must equal n)
  receive ticks Tick(n) ==> acks[n] := 0; end;
  rule "tick" !full(ticks) & count(ticks) < 2 & count(ch, n, n) = 0 & !full(ch, n, n) ==> send ticks Tick(n); end;
  rule "tock" count(strict) = 0 ==> send strict Tock; end;
  -- an alias in a pattern: src must be n
  alias me: n do receive net Ack(me, d) where phase[d] = done ==> acks[d] := 0; end; end;
end;

restart "crash and recover" n: Node where phase[n] != idle ==> acks[n] := 0; end;

-- a model's own count and full: a call whose first argument is not a network calls them
function count(x: 0 .. 2): 0 .. 2; begin return x; end;
function full(b: boolean): boolean; begin return !b; end;
invariant "own functions" count(1) = 1 & full(false) & count(ticks) <= 2;

-- contextual keywords as ordinary names
procedure restartable(network: boolean; receive: boolean);
var send, broadcast, from, where, except, durable, lossy, capacity, ordered, unordered, set: boolean;
    inflight, InFlight, when, drop: boolean;
begin
  send := network & receive; broadcast := send; from := broadcast; where := from; except := where;
  durable := except; lossy := durable; capacity := lossy; ordered := capacity; unordered := ordered; set := unordered;
  inflight := set; InFlight := inflight; when := InFlight; drop := when;
end;

invariant "decided ones are done" forall n: Node do inflight(log, Decided(n)) -> phase[n] != idle | epoch[n] > 0 end;
invariant "acks bounded" decidedAll() | true;
