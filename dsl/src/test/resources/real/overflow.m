-- Exponent overflow is an error when the value is stored; values below 1e-9 store as 0.
-- CMurphi 5.4.9: "Error in value(val): exponent 11 out of bounds." after 13 states, 12 rules fired.
var
  x, tiny: real(2, 10);
startstate begin x := 1.5; tiny := 0.001; end;
rule "grow" true ==> begin x := x * 7; tiny := tiny / 1000; end;
