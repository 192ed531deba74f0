-- Restart: volatile state back to its initial values, durable state kept; restart-plain.m is its plain twin.
type Node: scalarset(2);
var durable term: array [Node] of 0 .. 2 := 0;
    leader: array [Node] of boolean := false;
    votes: array [Node] of array [Node] of boolean := false;
ruleset n: Node do
  rule "elect" !leader[n] & term[n] < 2 ==> term[n] := term[n] + 1; leader[n] := true; votes[n][n] := true; end;
end;
restart "crash" n: Node where leader[n] ==> votes[n][n] := term[n] = 2; end;
invariant "terms bounded" forall n: Node do term[n] <= 2 end;
