-- Hand-written plain Murphi equivalent of restart-ext.m.
type Node: scalarset(2);
var term: array [Node] of 0 .. 2;
    leader: array [Node] of boolean;
    votes: array [Node] of array [Node] of boolean;
startstate begin
  for n: Node do term[n] := 0; leader[n] := false; for m: Node do votes[n][m] := false; end; end;
end;
ruleset n: Node do
  rule "elect" !leader[n] & term[n] < 2 ==> begin term[n] := term[n] + 1; leader[n] := true; votes[n][n] := true; end;
  rule "crash" leader[n] ==> begin
    leader[n] := false; for m: Node do votes[n][m] := false; end;
    votes[n][n] := term[n] = 2;
  end;
end;
invariant "terms bounded" forall n: Node do term[n] <= 2 end;
