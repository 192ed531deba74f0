-- Votes over an unordered network (Ballot's message-passing extensions): one vote makes a leader.
const N: 2;
type Node: scalarset(N);
var term: array [Node] of 0 .. 2 := 0;
    leader: array [Node] of boolean := false;
    votes: array [Node] of 0 .. N := 0;
network net: unordered lossy duplicating capacity 4 of
  RequestVote(src: Node, term: 0 .. 2);
  Vote(src: Node, dst: Node, term: 0 .. 2);
end;
ruleset n: Node do
  rule "campaign" !leader[n] & term[n] < 1 ==>
    term[n] := term[n] + 1; votes[n] := 1;
    broadcast net RequestVote(n, term[n]) to d: Node except n;
  end;
  receive net RequestVote(c, t) where c != n ==> send net Vote(n, c, t); end;
  receive "count a vote" net Vote(v, c, t) where c = n & t = term[n] ==>
    votes[n] := votes[n] + 1;
    if 2 * votes[n] > N then leader[n] := true; end;
  end;
end;
invariant "no leader" forall n: Node do !leader[n] end;
