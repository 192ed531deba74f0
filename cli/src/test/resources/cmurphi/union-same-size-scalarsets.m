-- A union of scalarsets of the same size (CMurphi's secur/ns-old.m): each member is its own set of values.
-- ballot_flags: --symmetry-reduction off --deadlock-detection off
-- expect: holds 16
-- expect_exhaustive: holds 7
-- CMurphi 5.4.9: ./m -nosym -ndl prints "16 states, 24 rules fired" and "No error found.";
--   ./m -sym1 -ndl prints "7 states, 12 rules fired".
type
  Client: scalarset(2);
  Server: scalarset(2);
  Agent: union { Client, Server };
var
  talk: array [Client] of Agent;

startstate begin
  undefine talk;
end;

ruleset c: Client; s: Server do
  rule "connect" isundefined(talk[c]) ==>
    talk[c] := s;
  end;
end;

ruleset c: Client; d: Client do
  rule "peer" isundefined(talk[c]) & c != d ==>
    talk[c] := d;
  end;
end;

invariant "a client talks to a server or to another client"
  forall c: Client do isundefined(talk[c]) | ismember(talk[c], Server) | talk[c] != c end
