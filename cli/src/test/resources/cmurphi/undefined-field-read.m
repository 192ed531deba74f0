-- Copying an undefined record field is a read of an undefined value in CMurphi (only whole variables, parameters
-- and locals copy undefinedness), as in Rumur.
-- ballot_flags: --symmetry-reduction off --deadlock-detection off
-- expect: violated read of undefined value
-- CMurphi 5.4.9: ./m -nosym -ndl (after 2 states) reports "The undefined value at r.x is referenced" in rule "copy field"
type
  Val: 0 .. 3;
var
  r: record x: Val; y: Val; end;
  a: Val;
  b: Val;

startstate begin
  r.y := 1;
  a := UNDEFINED;
end;

rule "copy whole" isundefined(b) ==>
  b := a;
  a := 2;
end;

rule "copy field" !isundefined(a) ==>
  b := r.x;
end;
