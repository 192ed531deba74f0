-- Two scalarset types are different types even when they have the same size (CMurphi's rule). Rumur's type
-- checker accepts this model, but its own symmetry reduction permutes the values of 'a' and of 'b' separately:
-- with --symmetry-reduction heuristic or exhaustive it explores 1 state and reports no error, while without
-- reduction it finds the invariant violated (Rumur v2022.08.20).
type
  a: scalarset(2);
  b: scalarset(2);

var
  s: a;
  t: b;
  x: boolean;

ruleset i: a do
  startstate begin
    s := i;
    -- error: assigning a value of type a to a target of type b breaks symmetry
    t := i;
    x := false;
  end;
end;

ruleset j: b do
  rule "set t" begin
    t := j;
  end;
end;

-- error: not with values of 'b', a different scalarset type (even of the same size)
rule "differ" s != t ==> begin
  x := true;
end;

invariant "s and t never differ" !x;
