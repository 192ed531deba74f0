const N: 2;
type Node: scalarset(N);
var term: array[Node] of 0..3;
    leader: array[Node] of boolean;
startstate begin for n: Node do term[n] := 0; leader[n] := false; end; end;
ruleset n: Node do
  rule "timeout" term[n] < 3 ==> begin term[n] := term[n] + 1; end;
  rule "elect" term[n] > 0 & !leader[n] ==> begin leader[n] := true; end;
end;
