-- docs/language.md's message-passing example with N: 3 and a lossy network of capacity 6: sends to the full
-- network are dropped (when full: drop, a lossy network's default), often. bench/full-drops.sh times it.
-- ballot: deadlock-detection off
const N: 3;
type Node: scalarset(N);
var
  durable term: array [Node] of 0 .. 2 := 0;
  leader: array [Node] of boolean := false;
  votes: array [Node] of 0 .. N := 0;

network net: unordered lossy capacity 6 of
  RequestVote(src: Node, term: 0 .. 2);
  Vote(src: Node, dst: Node, term: 0 .. 2);
end;

ruleset n: Node do
  rule "campaign" !leader[n] & term[n] < 2 ==>
    term[n] := term[n] + 1; votes[n] := 1;
    broadcast net RequestVote(n, term[n]) to d: Node except n;
  end;
  receive net RequestVote(c, t) where c != n ==> send net Vote(n, c, t); end;
  receive "count a vote" net Vote(v, c, t) where c = n & t = term[n] ==>
    votes[n] := votes[n] + 1;
    if 2 * votes[n] > N then leader[n] := true; end;
  end;
end;

restart n: Node;
