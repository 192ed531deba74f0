-- A network's message kinds are separated by ';'. Only the slip is reported, not the parser's "unexpected 'end'"
-- on the line after it.
type Node: scalarset(2);
network net: unordered capacity 2 of
  -- error: the message kinds of a network are separated by ';'
  Ping(n: Node), Pong(n: Node);
end;
var x: boolean;
startstate begin x := false; end;
rule "flip" true ==> begin x := !x; end;
