package io.ballot.dsl.msgpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.interp.Interpreter;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.NetworkInfo;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.Verdict;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.trace.TraceReplay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lowering describes each network for reports (its kind, message kinds and the rules that receive, lose or
 * duplicate), and a network model's counterexample, in the protocol's words, still replays on the model.
 */
class NetworkDescriptionTest {
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

  private static String roles(NetworkInfo n) {
    return n.rules().stream().map(r -> r.role() + " " + r.rule() + " slot=" + r.slot() + " from=" + r.from() + " to="
        + r.to() + " position=" + r.position() + " fields=" + r.fieldParameters() + " internal=" + r.internal())
        .reduce((a, b) -> a + "\n" + b).orElse("");
  }

  @Test
  void eachKindOfNetworkIsDescribed() throws Exception {
    NetworkInfo unordered = load("d.m", Files.readString(DIR.resolve("duplicating-ext.m"))).networks().get(0);
    assertEquals(NetworkInfo.Kind.UNORDERED, unordered.kind());
    assertEquals(List.of(new NetworkInfo.MessageKind("Tick", List.of("dst"))), unordered.messages());
    assertEquals("""
        LOSE lose from net slot=m from=null to=null position=null fields=[] internal=[m]
        DUPLICATE duplicate in net slot=m from=null to=null position=null fields=[] internal=[m]
        RECEIVE receive Tick on net slot=net_slot from=null to=null position=null fields=[] internal=[net_slot]""",
        roles(unordered));
    NetworkInfo ordered = load("o.m", Files.readString(DIR.resolve("ordered-ext.m"))).networks().get(0);
    assertEquals(NetworkInfo.Kind.ORDERED, ordered.kind());
    assertEquals("""
        LOSE lose from ch slot=null from=from to=to position=position fields=[] internal=[position]
        RECEIVE receive Data on ch slot=null from=s to=r position=null fields=[] internal=[]""", roles(ordered));
    NetworkInfo set = load("t.m", Files.readString(Path.of(
        "../protocols/models/two-phase/TwoPhase-bug-commit-on-timeout-ext.m"))).networks().get(0);
    assertEquals(NetworkInfo.Kind.SET, set.kind());
    assertTrue(roles(set).contains("RECEIVE TMRcvPrepared slot=null from=null to=null position=null fields=[rm]"),
        roles(set));
  }

  @Test
  void aPlainModelHasNoNetworks() {
    assertEquals(List.of(), load("p.m", "var x: boolean; startstate x := true; end; rule x ==> x := false; end;")
        .networks());
  }

  @Test
  void aCounterexampleWithoutSlotParametersStillReplays() throws Exception {
    String text = Files.readString(DIR.resolve("duplicating-ext.m"))
        .replace("invariant \"bounded\" forall n: Node do got[n] <= 3 end;",
            "invariant \"once\" forall n: Node do got[n] <= 2 end;");
    Model m = load("dup.m", text);
    Result r = Checker.check(m, new CheckOptions(1, 0, CheckOptions.DeadlockMode.OFF, 0, 1, 0),
        ProgressListener.NONE, w -> {});
    assertEquals(Verdict.VIOLATED, r.verdict());
    List<TraceStep> trace = r.violations().get(0).trace();
    String shown = trace.stream().map(s -> s.rule() + " " + s.parameters() + " " + s.messages().events()
        .stream().map(e -> e.describe(false)).toList()).reduce((a, b) -> a + "\n" + b).orElse("");
    assertTrue(shown.contains("duplicate in net [] [duplicated Tick(dst: Node_1)]"), shown);
    assertFalse(shown.contains("slot") || shown.contains("m: "), shown);
    TraceReplay.replay(new Interpreter(m), trace, "dup.m");
  }
}
