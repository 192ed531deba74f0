-- A while loop of 2,000 iterations runs to its end, as in Rumur 2022.08.20 (n:2000). CMurphi 5.4.9 stops at its
-- -loopmax (default 1000) with "Too many iterations in while loop".
type T: 0 .. 5000;
var n: T;
startstate begin n := 0; while n < 2000 do n := n + 1; end; end;
rule "again" n != 2000 ==> begin n := 2000; end;
invariant "all iterations" n = 2000;
