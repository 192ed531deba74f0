-- Comparing an undefined scalarset (or union) value.
-- Rumur 2022.08.20: error, "read of undefined value".
-- CMurphi 5.4.9: no error; an undefined value equals only an undefined one, so `seen := owner = p` sets seen false
--   and the model holds (1 state). Ballot reports the read, as Rumur does (docs/language.md, "Undefined values").
type Node: scalarset(2);
var
  owner: Node;
  seen: boolean;
startstate begin undefine owner; seen := false; end;
ruleset p: Node do
  rule "look" !seen ==> begin seen := owner = p; end;
end;
