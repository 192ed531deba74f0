-- A for loop whose bounds run against its step when it runs: no iteration, as in CMurphi 5.4.9 (n:0 in its trace
-- for each loop). Rumur 2022.08.20 counts the first loop down (n = 5: it takes step -1 when to < from) and stops
-- the second with "infinite loop due to step being in the wrong direction". With constant bounds all of them are
-- rejected when loaded, as Rumur does (validation/negative/stmt-for-inverted-step.m). The same holds for exists and
-- forall over such a range: Rumur 2022.08.20 prints x:true, y:false (it counts down), CMurphi x:false, y:true.
type T: 0 .. 9;
var lo: T; hi: T; n: T; m: T; k: T; x: boolean; y: boolean;
startstate begin
  lo := 5; hi := 1; n := 0; m := 0; k := 0;
  for i := lo to hi do n := n + 1; end;
  for i := lo to hi by 1 do m := m + 1; end;
  for i := hi to lo by -1 do k := k + 1; end;
  x := exists i := lo to hi do i = 3 end;
  y := forall i := lo to hi do i != 3 end;
end;
rule "again" n = 0 & lo = 5 ==> begin lo := 6; for i := lo to hi do n := n + 1; end; end;
invariant "no iteration" n = 0 & m = 0 & k = 0 & !x & y;
