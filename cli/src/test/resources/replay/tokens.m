-- Three interchangeable nodes (a scalarset): each counts up, one at a time may hold the token. Logs that leave
-- the node out are consistent with many symmetric states: the replay's symmetry reduction keeps one per orbit.
const N: 3;
type Node: scalarset(N);
var count: array[Node] of 0..2;
    busy: array[Node] of boolean;
    held: boolean;
    owner: Node;
startstate begin
  for n: Node do count[n] := 0; busy[n] := false; end;
  held := false;
  undefine owner;
end;
ruleset n: Node do
  rule "bump" count[n] < 2 & !busy[n] ==> begin count[n] := count[n] + 1; end;
  rule "grab" !held & count[n] > 0 ==> begin held := true; owner := n; busy[n] := true; end;
  rule "release" held & owner = n ==> begin held := false; undefine owner; busy[n] := false; count[n] := 0; end;
end;
