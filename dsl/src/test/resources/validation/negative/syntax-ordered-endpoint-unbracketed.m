-- An ordered network's endpoint type goes in brackets. The parser's recovery after the slip would report an
-- "unexpected '2'" and an "unexpected 'end'" too; only the slip is reported.
type Node: scalarset(2);
-- error: an ordered network's endpoint type is written in brackets
network net: ordered Node capacity 2 of
  Ping(n: Node);
end;
var x: boolean;
startstate begin x := false; end;
rule "flip" true ==> begin x := !x; end;
