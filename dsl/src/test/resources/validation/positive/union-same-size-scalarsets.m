-- A union may have several scalarset members of the same size (CMurphi's secur/ns-old.m): each is its own member.
type
  Initiator: scalarset(1);
  Responder: scalarset(1);
  Intruder: scalarset(1);
  Agent: union { Initiator, Responder, Intruder };
var
  peer: array [Initiator] of Agent;
  seen: array [Agent] of boolean;

startstate begin
  undefine peer;
  for a: Agent do seen[a] := false; end;
end;

ruleset i: Initiator; r: Responder do
  rule "talk" isundefined(peer[i]) ==>
    peer[i] := r;
    seen[r] := true;
  end;
end;

invariant "never to an intruder"
  forall i: Initiator do isundefined(peer[i]) | !ismember(peer[i], Intruder) end
