-- Unicode spellings of operators, quantifiers and string quotes (all accepted by rumur v2022.08.20).
var
  x: 0 .. 3;
  b: boolean;

startstate “start” begin
  x ≔ 0;
  b := true;
end;

rule x ≤ 2 ⇒ begin
  x := x + 1;
  b := ¬b ∧ (x ≥ 1) ∨ (x ≠ 2);
end;

rule x = 3 ==> begin
  x := 0;
end;

invariant ∀ i: 0 .. 3 do i ≤ 3 end;
invariant ∃ i: 0 .. 3 do i = x end;
invariant (x > 3) → b;
