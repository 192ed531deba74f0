-- Issue 19's model A: an array indexed by a union of a scalarset(1) and a scalarset(3), each entry pointing at its
-- own index. Nothing ever changes it, so "self" holds in every mode. Before the union-index fix (736dd9a) the
-- reduced search renamed the values but not the indexes and reported "self" violated in the start state under
-- heuristic and exhaustive symmetry: a violation the model does not have.
-- ballot_flags: --symmetry-reduction off --deadlock-detection off
-- expect: holds 2
-- expect_exhaustive: holds 2
-- CMurphi 5.4.9: ./m -nosym -ndl and ./m -sym1 -ndl both print "2 states, 2 rules fired" and "No error found."
type H: scalarset(1); R: scalarset(3); P: union {H, R};
var nxt: array [P] of P; b: boolean;
startstate begin for c: P do nxt[c] := c; end; b := false; end;
rule "toggle" true ==> begin b := !b; end;
invariant "self" forall c: P do nxt[c] = c end;
