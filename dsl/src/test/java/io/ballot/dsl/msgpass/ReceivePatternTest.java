package io.ballot.dsl.msgpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A receive pattern name that is already declared outside the rule keeps its meaning: a ruleset parameter, alias,
 * constant or enum value requires the field to equal it (as {@code where field = name} would), never a silent new
 * binding that makes the rule fire once per value of the outer name; the name of a variable is rejected.
 */
class ReceivePatternTest {
  private static FrontEnd frontEnd;

  @BeforeAll
  static void frontEnd() {
    frontEnd = new FrontEnd();
  }

  private static Model load(String text) {
    LoadResult r = frontEnd.load("pattern.m", text);
    assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    return r.model();
  }

  private static Result check(Model m) {
    CheckOptions options = new CheckOptions(1, 0, CheckOptions.DeadlockMode.OFF, 0, 1, 0)
        .withSymmetry(CheckOptions.Symmetry.OFF);
    Result r = Checker.check(m, options, ProgressListener.NONE, w -> {});
    assertEquals(Verdict.HOLDS, r.verdict(), () -> r.violations().toString());
    return r;
  }

  /** Three nodes; one rule sends each its own Ack; each node receives its Ack in a ruleset over the nodes. */
  private static String acks(String network, String receive) {
    return """
        type Node: scalarset(3);
        var got: array [Node] of 0 .. 1 := 0;
            sent: boolean := false;
        %s
        rule "send all" !sent ==> sent := true; for d: Node do send net Ack(d); end; end;
        ruleset p: Node do
          %s
        end;
        invariant "each node gets its own ack once" forall p: Node do got[p] <= 1 end;
        """.formatted(network, receive);
  }

  @Test
  void aRulesetParameterInAPatternRequiresTheFieldToEqualIt() {
    String unordered = "network net: unordered capacity 3 of Ack(dst: Node); end;";
    Result named = check(load(acks(unordered, "receive net Ack(p) ==> got[p] := got[p] + 1; end;")));
    Result where = check(load(acks(unordered, "receive net Ack(d) where d = p ==> got[p] := got[p] + 1; end;")));
    // 1 start state, then each of the 2^3 subsets of the three Acks still in transit
    assertEquals(9, named.states());
    // 'send all' once, then every Ack in transit is received by its own node only: sum over subsets of their size,
    // 3 * 2^2 = 12; a rebinding 'p' would fire each receive for all three p (37)
    assertEquals(13, named.rulesFired());
    assertEquals(where.states(), named.states());
    assertEquals(where.rulesFired(), named.rulesFired());
  }

  @Test
  void theSameHoldsInSetAndOrderedNetworks() {
    String set = "network net: set of Ack(dst: Node); end;";
    Result named = check(load(acks(set, "receive net Ack(p) where got[p] = 0 ==> got[p] := 1; end;")));
    Result where = check(load(acks(set, "receive net Ack(d) where d = p & got[p] = 0 ==> got[p] := 1; end;")));
    assertEquals(where.states(), named.states());
    assertEquals(where.rulesFired(), named.rulesFired());
    assertEquals(13, named.rulesFired(), "send all, then each node without its ack receives it (as above)");

    String ordered = """
        type Node: scalarset(2);
        var got: array [Node] of 0 .. 2 := 0;
            sent: boolean := false;
        network ch: ordered [Node] capacity 1 of Data(v: 0 .. 1); end;
        rule "send" !sent ==> sent := true; for s: Node do for r: Node do send ch Data(1) from s to r; end; end; end;
        ruleset p: Node do
          %s
        end;
        """;
    Result from = check(load(ordered.formatted("receive ch Data(v) from p to r ==> got[p] := got[p] + v; end;")));
    Result fromWhere =
        check(load(ordered.formatted("receive ch Data(v) from s to r where s = p ==> got[p] := got[p] + v; end;")));
    assertEquals(fromWhere.states(), from.states());
    assertEquals(fromWhere.rulesFired(), from.rulesFired());
    assertTrue(from.states() > 4);
  }

  @Test
  void constantsEnumValuesAndAliasesAreRequiredValuesToo() {
    String model = """
        const Wanted: 1;
        type Colour: enum { red, blue };
        var seen: 0 .. 9 := 0; done: boolean := false;
        network net: unordered capacity 4 of M(v: 0 .. 1, c: Colour); end;
        rule "send" !done ==> done := true; send net M(0, red); send net M(1, red); send net M(1, blue); end;
        %s
        """;
    Result named = check(load(model.formatted("receive net M(Wanted, red) ==> seen := seen + 1; end;")));
    Result where = check(load(model.formatted(
        "receive net M(v, c) where v = Wanted & c = red ==> seen := seen + 1; end;")));
    assertEquals(where.states(), named.states());
    assertEquals(where.rulesFired(), named.rulesFired());
    Result alias = check(load(model.formatted("alias w: Wanted do receive net M(w, c) ==> seen := seen + 1; end; end;")));
    Result aliasWhere = check(load(model.formatted(
        "alias w: Wanted do receive net M(v, c) where v = w ==> seen := seen + 1; end; end;")));
    assertEquals(aliasWhere.rulesFired(), alias.rulesFired());
    String pairs = """
        const Wanted: 1;
        var seen: 0 .. 9 := 0; done: boolean := false;
        network net: unordered capacity 4 of P(a: 0 .. 1, b: 0 .. 1); end;
        rule "send" !done ==> done := true; send net P(1, 1); send net P(1, 0); send net P(0, 1); end;
        %s
        """;
    Result twice = check(load(pairs.formatted("receive net P(Wanted, Wanted) ==> seen := seen + 1; end;")));
    Result twiceWhere = check(load(pairs.formatted(
        "receive net P(x, y) where x = Wanted & y = Wanted ==> seen := seen + 1; end;")));
    assertEquals(twiceWhere.states(), twice.states(), "the same name twice: both fields equal it");
    assertEquals(twiceWhere.rulesFired(), twice.rulesFired());
  }

  @Test
  void aVariableNameInAPatternIsAnErrorAtTheName() {
    LoadResult r = frontEnd.load("pattern.m", """
        var level: 0 .. 3 := 0;
        network net: unordered capacity 2 of Level(v: 0 .. 3); end;
        receive net Level(level) ==> level := 0; end;
        """);
    Diagnostic d = r.diagnostics().stream().filter(x -> x.message().contains("'level' is already declared"))
        .findFirst().orElseThrow(() -> new AssertionError(r.diagnostics().toString()));
    assertEquals(3, d.line());
    assertEquals(19, d.column());
    assertTrue(d.message().contains("a variable at line 1"), d.message());
  }
}
