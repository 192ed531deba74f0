-- A model may declare its own 'undefined' (Rumur accepts it; CMurphi reserves the word): the declaration wins, and
-- other spellings, not declared, still mean CMurphi's UNDEFINED value (identifiers are case-sensitive).
var
  undefined: boolean;
  n: 0 .. 2;

startstate begin
  undefined := true;
  n := UNDEFINED;
end;

rule "flip" undefined ==>
  undefined := !undefined;
  n := Undefined;
end;
