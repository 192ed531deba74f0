-- The example of docs/language.md, "Message passing" (kept loadable and checkable by MessagePassingLoweringTest).
const N: 2;
type Node: scalarset(N);
var
  durable term: array [Node] of 0 .. 2 := 0;   -- an initial value; kept across a restart
  leader: array [Node] of boolean := false;     -- volatile: back to false on a restart
  votes: array [Node] of 0 .. N := 0;

network net: unordered lossy capacity 8 of      -- a multiset of messages; may lose any of them
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

restart n: Node;                                  -- crash and recover: leader[n], votes[n] reset
