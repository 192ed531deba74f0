package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.interp.Interpreter;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.checker.simulate.Simulation;
import io.ballot.checker.simulate.SimulationOptions;
import io.ballot.checker.simulate.SimulationResult;
import io.ballot.checker.ts.TransitionSystem;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.trace.TraceReplay;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code ballot simulate}'s engine on the protocol library: each bugged variant's violation is found within a
 * bounded number of walks from a fixed seed, its walk shortened to at most its length and to no less than the
 * shortest counterexample's, replayed on the interpreter to a state that violates the invariant; the correct models
 * give no violation; the distinct-state estimate matches a breadth-first count; and nothing depends on the threads.
 */
class SimulationLibraryTest {
  private static final Path PROTOCOLS = Path.of("../protocols");
  private static final FrontEnd FRONT_END = new FrontEnd();

  private static Model load(String model) {
    LoadResult load = FRONT_END.load(PROTOCOLS.resolve(model));
    assertFalse(load.hasErrors(), () -> model + ": " + load.diagnostics());
    return load.model();
  }

  private static SimulationResult simulate(Model m, CheckOptions.DeadlockMode deadlock, long walks, int depth,
      long seed, int threads) {
    CheckOptions check = new CheckOptions(threads, 0, deadlock, 0, 1, 0);
    return Simulation.run(m, new SimulationOptions(walks, depth, seed, check), ProgressListener.NONE, w -> {});
  }

  @TestFactory
  Stream<DynamicTest> findsEveryBuggedVariant() throws Exception {
    ProtocolManifest manifest = ProtocolManifest.read(PROTOCOLS.resolve("manifest.tsv"));
    return manifest.rows().stream()
        .filter(r -> !r.holds() && r.symmetry() == CheckOptions.Symmetry.OFF)
        .map(r -> DynamicTest.dynamicTest(r.model(), () -> findsBug(r)));
  }

  /**
   * The hardest variant (a counterexample of 19 steps among 3.7 million states) needs more walks, about one in
   * 100,000 to 400,000 finds it: seed 4 finds it in about 34,000 on the plain model (seed 1 in about 450,000), seed 3
   * in about 9,000 on its extension twin (whose rules are numbered otherwise); every other variant is found in the
   * first round (64 walks) or the seventh, from seed 1.
   */
  private static void findsBug(ProtocolManifest.Row row) throws Exception {
    boolean hard = row.model().contains("commit-old-term-entry");
    long bound = hard ? 60_000 : 1_000;
    long seed = !hard ? 1 : row.model().endsWith("-ext.m") ? 3 : 4;
    Model m = load(row.model());
    SimulationResult s = simulate(m, row.deadlock(), bound, 1_000, seed, 2);
    Result r = s.result();
    String at = row.model() + " (" + s.walks() + " walks)";
    assertEquals(Verdict.VIOLATED, r.verdict(), () -> at + ": " + r.stopReason());
    Violation v = r.violations().get(0);
    assertEquals(row.property(), v.property(), at);
    assertTrue(s.walks() <= bound, at);
    // shortened: no longer than the walk found, no shorter than the shortest counterexample there is
    assertTrue(s.walkShortened() <= s.walkFound(), at + ": " + s.walkShortened() + " > " + s.walkFound());
    assertTrue(v.trace().size() >= row.traceSteps(), at + ": shorter than breadth-first search's " + v.trace().size());
    // it replays, with its printed process ids, to a state where the invariant is false
    TransitionSystem ts = new Interpreter(m);
    long[] last = TraceReplay.replay(ts, v.trace(), at);
    assertTrue(violates(ts, row.property(), last), at + ": the last state satisfies " + row.property());
  }

  private static boolean violates(TransitionSystem ts, String property, long[] state) throws Exception {
    for (int p = 0; p < ts.propertyCount(); p++) {
      if (ts.property(p).describe().equals(property) && !ts.holds(p, state)) {
        return true;
      }
    }
    return false;
  }

  /** The shortening cuts a long walk: Paxos's first violating walk from seed 1 is far longer than its result. */
  @Test
  void shortensLongWalks() {
    SimulationResult s = simulate(load("models/paxos/Paxos-bug-forget-promise-on-restart.m"),
        CheckOptions.DeadlockMode.OFF, 1_000, 1_000, 1, 2);
    assertTrue(s.walkFound() > s.walkShortened() + 5, s.walkFound() + " -> " + s.walkShortened());
    assertTrue(s.candidatesTried() > 0);
  }

  @TestFactory
  Stream<DynamicTest> noFalseViolationOnCorrectModels() {
    return Stream.of(
            new Object[] {"models/peterson.m", CheckOptions.DeadlockMode.STUTTERING, 2_000},
            new Object[] {"models/two-phase/TwoPhase.m", CheckOptions.DeadlockMode.STUCK, 2_000},
            new Object[] {"models/tcommit/TCommit.m", CheckOptions.DeadlockMode.OFF, 2_000},
            new Object[] {"models/paxos-commit/PaxosCommit.m", CheckOptions.DeadlockMode.STUCK, 100},
            new Object[] {"models/paxos/Paxos.m", CheckOptions.DeadlockMode.OFF, 1_000},
            new Object[] {"models/raft/Raft.m", CheckOptions.DeadlockMode.OFF, 2_000},
            new Object[] {"models/raft/Raft-ext.m", CheckOptions.DeadlockMode.OFF, 500})
        .map(c -> DynamicTest.dynamicTest((String) c[0], () -> {
          int walks = (Integer) c[2];
          SimulationResult s = simulate(load((String) c[0]), (CheckOptions.DeadlockMode) c[1], walks, 500, 1, 2);
          assertEquals(Verdict.INCOMPLETE, s.result().verdict(), () -> c[0] + ": " + s.result().violations());
          assertEquals(walks, s.walks());
          assertEquals("no violation found in " + walks + " walks of depth 500 (not a proof)", s.result().stopReason());
          assertFalse(s.result().complete());
        }));
  }

  /**
   * The distinct-state estimate against breadth-first search's exact count (no symmetry reduction, as walks see
   * states): enough walks visit every state of these models, and the estimate is within 2 % (linear counting; the
   * sketch's relative error is 0.8 %).
   */
  @Test
  void distinctStatesMatchBreadthFirstCounts() {
    for (String model : new String[] {"models/two-phase/TwoPhase.m", "models/tcommit/TCommit.m"}) {
      Model m = load(model);
      CheckOptions bfs = new CheckOptions(2, 0, CheckOptions.DeadlockMode.OFF, 0, 1, 0)
          .withSymmetry(CheckOptions.Symmetry.OFF);
      long exact = Checker.check(m, bfs, ProgressListener.NONE, w -> {}).states();
      SimulationResult s = simulate(m, CheckOptions.DeadlockMode.OFF, 20_000, 100, 1, 2);
      assertTrue(Math.abs(s.distinctStates() - exact) <= 0.02 * exact,
          model + ": estimated " + s.distinctStates() + ", breadth-first search counts " + exact);
    }
  }

  /** The same seed and walk count give the same result on one thread and on three (the times aside). */
  @Test
  void resultDoesNotDependOnThreads() {
    Model m = load("models/paxos/Paxos-bug-forget-promise-on-restart.m");
    SimulationResult one = simulate(m, CheckOptions.DeadlockMode.OFF, 1_000, 1_000, 5, 1);
    SimulationResult three = simulate(m, CheckOptions.DeadlockMode.OFF, 1_000, 1_000, 5, 3);
    assertEquals(summary(one), summary(three));
    assertEquals(one.result().violations(), three.result().violations());
    Model ok = load("models/raft/Raft.m");
    assertEquals(summary(simulate(ok, CheckOptions.DeadlockMode.OFF, 300, 200, 9, 1)),
        summary(simulate(ok, CheckOptions.DeadlockMode.OFF, 300, 200, 9, 3)));
  }

  private static String summary(SimulationResult s) {
    Result r = s.result();
    return s.walks() + " " + s.statesVisited() + " " + s.distinctStates() + " " + r.rulesFired() + " " + s.deadEnds()
        + " " + s.deepest() + " " + s.walkFound() + " " + r.rules() + " " + r.covers() + " " + r.verdict();
  }
}
