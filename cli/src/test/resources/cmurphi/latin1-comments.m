-- A file in Latin-1, as CMurphi's real/turbogas.m is: the degree signs below are single bytes (0xB0), not UTF-8.
-- Ballot reads it as Latin-1 with a warning; the states are CMurphi's.
-- ballot_flags: --symmetry-reduction off --deadlock-detection off
-- expect: holds 10
-- CMurphi 5.4.9: ./m -nosym -ndl prints "10 states, 18 rules fired" and "No error found."
type
  temp: 15 .. 21; -- in °C
var
  t: temp;
  heating: boolean;

startstate begin
  t := 18;
  heating := false;
end;

rule "warm up (+1 °C)" heating & t < 21 ==> t := t + 1; end;
rule "cool down" !heating & t > 17 ==> t := t - 1; end;
rule "switch" true ==> heating := !heating; end;

invariant "between 17 and 21 °C" t >= 17 & t <= 21;
