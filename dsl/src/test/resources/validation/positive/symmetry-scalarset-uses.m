-- A symmetric model: every use of scalarset values that symmetry reduction allows. Arrays indexed by a scalarset,
-- rulesets and loops over it, = and != between values of the same scalarset type (also through a typedef name),
-- scalarset values in records and as parameters and results, forall/exists, isundefined, clear, undefine, put.
-- Rumur (v2022.08.20) accepts this model too.
const
  N: 3;

type
  node: scalarset(N);
  peer: node;                      -- another name for the same type
  msg: record
    src, dst: node;
    valid: boolean;
  end;

var
  owner: node;
  other: peer;
  busy: array [node] of boolean;
  links: array [node] of array [node] of boolean;
  inbox: array [node] of msg;
  count: 0 .. N;

function isOwner(n: node): boolean;
begin
  return !isundefined(owner) & owner = n;
end;

function same(a: node; b: peer): boolean;
begin
  return a = b;
end;

procedure send(var m: msg; s, d: node);
begin
  m.src := s;
  m.dst := d;
  m.valid := true;
end;

startstate begin
  undefine owner;
  undefine other;
  clear busy;
  clear links;
  for n: node do
    undefine inbox[n];
    inbox[n].valid := false;
  end;
  count := 0;
end;

ruleset i: node; j: node do
  rule "send" i != j & !inbox[j].valid ==> begin
    send(inbox[j], i, j);
    links[i][j] := true;
  end;
end;

ruleset i: node do
  rule "take" isundefined(owner) & inbox[i].valid ==> begin
    owner := inbox[i].dst;
    other := inbox[i].src;
    busy[owner] := true;
    inbox[i].valid := false;
  end;

  rule "release" isOwner(i) ==> begin
    busy[i] := false;
    undefine owner;
    if !isundefined(other) & same(i, other) then
      undefine other;
    end;
    put owner;
  end;
end;

rule "count" true ==> begin
  count := 0;
  for n: node do
    if busy[n] then
      count := count + 1;
    end;
  end;
end;

invariant "at most one busy node"
  forall a: node do forall b: node do busy[a] & busy[b] -> a = b end end;

invariant "the owner is busy"
  isundefined(owner) | busy[owner];

invariant "some node is free"
  exists n: node do !busy[n] end;
