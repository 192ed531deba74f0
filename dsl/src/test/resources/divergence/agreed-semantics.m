-- Constructs where Rumur 2022.08.20, CMurphi 5.4.9 and Ballot agree: integer division and remainder truncate
-- toward zero, a for loop with a step, clear, an alias and a var parameter bound to arr[i] keep the element chosen
-- when bound; and, CMurphi only (Rumur has no unions or multisets), ismember, MultiSetCount and MultiSetRemovePred.
-- CMurphi 5.4.9 (./m -ndl): "1 states, 0 rules fired", "No error found."; Rumur, on this model without the union
-- and multiset lines: "No error found.", so every invariant below holds in both.
type
  Z: -10 .. 10;
  I: 1 .. 3;
  D: 0 .. 9;
  E: enum { e1, e2, e3 };
  A: scalarset(2);
  U: union { A, E };
  R: record f: boolean; g: 2 .. 5; end;
var
  a: Z; b: Z;
  q1: Z; r1: Z; q2: Z; r2: Z;
  s: 0 .. 100; t: 0 .. 100;
  e: E; rec: R;
  i: I; arr: array [I] of D; arr2: array [I] of D;
  u: U; inE: boolean; inA: boolean;
  m: multiset [4] of D; v: D; c: 0 .. 4; d: 0 .. 4;
procedure p(var x: D); begin i := 3; x := 8; end;
startstate begin
  a := -7; b := 2;
  q1 := a / b; r1 := a % b; q2 := -a / -b; r2 := -a % -b;
  s := 0; t := 0;
  for k := 0 to 10 by 3 do s := s + k; end;
  for k := 10 to 1 by -4 do t := t + k; end;
  e := e3; rec.f := true; rec.g := 4; clear e; clear rec;
  i := 1; for k: I do arr[k] := 0; arr2[k] := 0; end;
  alias x: arr[i] do i := 2; x := 7; end;
  p(arr2[i]);
  u := e2; inE := ismember(u, E); inA := ismember(u, A);
  undefine m;
  v := 1; MultiSetAdd(v, m); v := 2; MultiSetAdd(v, m); v := 1; MultiSetAdd(v, m);
  c := MultiSetCount(j: m, m[j] = 1);
  MultiSetRemovePred(j: m, m[j] = 2);
  d := MultiSetCount(j: m, true);
end;
rule "again" a != -7 ==> begin a := -7; end;
invariant "division" q1 = -3 & r1 = -1 & q2 = -3 & r2 = 1;
invariant "steps" s = 18 & t = 18;
invariant "clear" e = e1 & !rec.f & rec.g = 2;
invariant "alias and var parameter" arr[1] = 7 & arr[2] = 0 & arr2[2] = 8 & arr2[1] = 0 & i = 3;
invariant "ismember" inE & !inA;
invariant "multisets" c = 2 & d = 2;
