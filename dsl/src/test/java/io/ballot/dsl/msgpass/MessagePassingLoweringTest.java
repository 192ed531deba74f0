package io.ballot.dsl.msgpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Rule;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The message-passing extensions lower to exactly what a hand-written plain-Murphi model says: each
 * {@code msgpass/X-ext.m} has the same reachable states, rules fired and depth as its plain twin {@code X-plain.m},
 * with and without symmetry (and multiset) reduction. Also: network faults are generated only when declared, a full
 * network is a violation at the send, and generated rules carry readable names and the extension's locations.
 */
class MessagePassingLoweringTest {
  private static final Path DIR = Path.of("src/test/resources/msgpass");
  private static FrontEnd frontEnd;

  @BeforeAll
  static void frontEnd() {
    frontEnd = new FrontEnd();
  }

  private static Model load(String name, String text) {
    LoadResult r = frontEnd.load(name, text);
    assertFalse(r.hasErrors(), () -> name + ": " + r.diagnostics());
    return r.model();
  }

  private static Model load(String file) throws IOException {
    return load(file, Files.readString(DIR.resolve(file)));
  }

  private static Result check(Model m, CheckOptions.Symmetry symmetry) {
    CheckOptions options = new CheckOptions(1, 0, CheckOptions.DeadlockMode.OFF, 0, 1, 0).withSymmetry(symmetry);
    return Checker.check(m, options, ProgressListener.NONE, w -> {});
  }

  @ParameterizedTest
  @ValueSource(strings = {"unordered", "ordered", "duplicating", "restart"})
  void extensionModelExploresLikeItsPlainTwin(String name) throws IOException {
    Model ext = load(name + "-ext.m");
    Model plain = load(name + "-plain.m");
    for (CheckOptions.Symmetry s : CheckOptions.Symmetry.values()) {
      Result a = check(ext, s);
      Result b = check(plain, s);
      assertEquals(Verdict.HOLDS, a.verdict(), () -> name + " " + s + ": " + a.violations());
      assertEquals(Verdict.HOLDS, b.verdict(), () -> name + " plain " + s + ": " + b.violations());
      assertTrue(a.states() > 5, name + ": a trivial state space");
      assertEquals(b.states(), a.states(), name + " " + s + ": states");
      assertEquals(b.rulesFired(), a.rulesFired(), name + " " + s + ": rules fired");
      assertEquals(b.depth(), a.depth(), name + " " + s + ": depth");
    }
  }

  @Test
  void multisetReductionAppliesToUnorderedNetworks() throws IOException {
    Model ext = load("unordered-ext.m");
    assertTrue(check(ext, CheckOptions.Symmetry.EXHAUSTIVE).states() < check(ext, CheckOptions.Symmetry.OFF).states());
  }

  @Test
  void lossAndDuplicationRulesExistOnlyWhenDeclared() throws IOException {
    String ordered = Files.readString(DIR.resolve("ordered-ext.m"));
    Model lossy = load("ordered-ext.m", ordered);
    Model reliable = load("ordered-reliable.m", ordered.replace(" lossy ", " "));
    assertTrue(lossy.rules().stream().anyMatch(r -> r.name().equals("lose from ch")));
    assertTrue(reliable.rules().stream().noneMatch(r -> r.name().startsWith("lose")));
    assertTrue(check(reliable, CheckOptions.Symmetry.OFF).states() < check(lossy, CheckOptions.Symmetry.OFF).states());

    String dup = Files.readString(DIR.resolve("duplicating-ext.m"));
    Model both = load("duplicating-ext.m", dup);
    Model lossyOnly = load("lossy-only.m", dup.replace(" duplicating ", " "));
    assertTrue(both.rules().stream().anyMatch(r -> r.name().equals("duplicate in net")));
    assertTrue(lossyOnly.rules().stream().noneMatch(r -> r.name().startsWith("duplicate")));
    assertTrue(check(lossyOnly, CheckOptions.Symmetry.OFF).states() < check(both, CheckOptions.Symmetry.OFF).states());
  }

  @Test
  void sendingToAFullNetworkIsAViolationAtTheSend() throws IOException {
    Result r = check(load("overflow-ext.m"), CheckOptions.Symmetry.OFF);
    assertEquals(Verdict.VIOLATED, r.verdict());
    Violation v = r.violations().get(0);
    assertTrue(v.message().contains("network 'net' is full (capacity 2): cannot send Ping"), v.message());
    assertEquals(6, v.location().line(), "the location of the send statement");
    assertEquals(3, v.trace().size(), "start, then two sends fill the network; the third fails");
  }

  @Test
  void generatedRulesHaveReadableNamesAndTheExtensionsLocations() throws IOException {
    Model m = load("unordered-ext.m");
    Rule ping = m.rules().stream().filter(r -> r.name().equals("receive Ping on net")).findFirst().orElseThrow();
    assertEquals(11, ping.location().line());
    Model ordered = load("ordered-ext.m");
    Rule lose = ordered.rules().stream().filter(r -> r.name().equals("lose from ch")).findFirst().orElseThrow();
    assertEquals(5, lose.location().line(), "a network rule points at its network's declaration");
    Model restart = load("restart-ext.m");
    Rule crash = restart.rules().stream().filter(r -> r.name().equals("crash")).findFirst().orElseThrow();
    assertEquals(9, crash.location().line());
  }

  @Test
  void anInitialValueIsCheckedOncePerDeclarationNotOncePerName() {
    LoadResult bad = frontEnd.load("bad-init.m",
        "var a, b, c: 0 .. 3 := true;\nrule begin a := 1; end;\n");
    assertEquals(1, bad.diagnostics().stream().filter(d -> d.message().contains("does not fit")).count(),
        () -> bad.diagnostics().toString());
    Model good = load("good-init.m", "var a, b: 0 .. 3 := 2;\nrule begin a := 1; end;\ninvariant b = 2;\n");
    Result r = check(good, CheckOptions.Symmetry.OFF);
    assertEquals(Verdict.HOLDS, r.verdict(), () -> r.violations().toString());
    assertEquals(2, r.states(), "a starts at 2 (as b does), then becomes 1");
  }

  @Test
  void theDocumentedExampleHolds() throws IOException {
    Result r = check(load("doc-example.m"), CheckOptions.Symmetry.HEURISTIC);
    assertEquals(Verdict.HOLDS, r.verdict(), () -> r.violations().toString());
    assertEquals(435, r.states(), "the count docs/language.md gives (ballot check's default reduction)");
  }

  @Test
  void inflightSeesMessagesInEveryKindOfNetwork() {
    Model m = load("inflight.m", """
        type Node: scalarset(2);
        var seen: boolean := false;
        network ch: ordered [Node] capacity 1 of Data(v: 0 .. 1); end;
        network u: unordered capacity 1 of Data(v: 0 .. 1); end;
        network s: set of Data(v: 0 .. 1); end;
        ruleset n: Node do
          rule "send" !seen ==> send ch Data(1) from n to n; send u Data(1); send s Data(1); seen := true; end;
        end;
        receive u Data(v) ==> end;
        invariant "sent means in flight (or received from u)"
          seen -> (inflight(ch, Data(1)) & !inflight(ch, Data(0)) & inflight(s, Data(1)) & !inflight(s, Data(0)));
        invariant "u holds only what was sent" inflight(u, Data(1)) -> seen;
        invariant "never a 0" !inflight(u, Data(0));
        """);
    Result r = check(m, CheckOptions.Symmetry.OFF);
    assertEquals(Verdict.HOLDS, r.verdict(), () -> r.violations().toString());
    assertEquals(5, r.states()); // start; sent by either node (queue differs); then u received
    Model broken = load("inflight-broken.m", """
        network u: unordered capacity 1 of Data(v: 0 .. 1); end;
        rule "send" !inflight(u, Data(1)) ==> send u Data(1); end;
        invariant "never sent" !inflight(u, Data(1));
        """);
    assertEquals(Verdict.VIOLATED, check(broken, CheckOptions.Symmetry.OFF).verdict());
  }

  @Test
  void contextualKeywordsRemainNames() {
    Model m = load("names.m", """
        var network, send, receive, broadcast, restart, durable, lossy, from, where, except, set: boolean;
        startstate begin network := true; send := network; receive := send end;
        rule "r" send ==> begin restart := !restart | isundefined(restart); set := true end;
        """);
    assertEquals(11, m.variables().size());
  }
}
