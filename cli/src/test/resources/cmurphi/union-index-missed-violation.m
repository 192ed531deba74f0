-- Issue 19's model B: an array indexed by a union, its R entries pointing at their own index, the H entry
-- undefined. "moved" fails in the start state in every mode. Before the union-index fix (736dd9a) heuristic and
-- exhaustive symmetry reported that all properties hold: a real violation missed.
-- ballot_flags: --symmetry-reduction off --deadlock-detection off
-- expect: violated invariant "moved" violated
-- expect_exhaustive: violated invariant "moved" violated
-- CMurphi 5.4.9: ./m -nosym -ndl and ./m -sym1 -ndl both print 'Invariant "moved" failed.' after 1 state.
type H: scalarset(1); R: scalarset(3); P: union {H, R};
var nxt: array [P] of R; b: boolean;
startstate begin for c: R do nxt[c] := c; end; b := false; end;
rule "toggle" true ==> begin b := !b; end;
invariant "moved" exists c: R do nxt[c] != c end;
