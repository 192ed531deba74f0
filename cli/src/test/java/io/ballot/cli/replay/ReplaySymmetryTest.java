package io.ballot.cli.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ir.Model;
import io.ballot.checker.replay.LogEvent;
import io.ballot.checker.replay.ReplayOptions;
import io.ballot.checker.replay.ReplayResult;
import io.ballot.checker.replay.Replayer;
import io.ballot.checker.replay.StepPattern;
import io.ballot.checker.ts.TransitionSystem;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The replay's symmetry reduction on a model of three interchangeable nodes ({@code tokens.m}): logs that leave the
 * node out keep one state per orbit instead of every symmetric copy, and a value named later (in a parameter or a
 * logged designator) still finds the copy that fits, so the verdicts are those of the unreduced replay.
 */
class ReplaySymmetryTest {
  private static final Path MODEL = Path.of("src", "test", "resources", "replay", "tokens.m");

  private final Model model;
  private final TransitionSystem ts;

  ReplaySymmetryTest() {
    LoadResult r = new FrontEnd().load(MODEL);
    model = r.model();
    ts = Checker.transitions(model, CheckOptions.Engine.COMPILED).system();
  }

  private ReplayResult replay(boolean symmetry, List<LogEvent> log) {
    return new Replayer(ts, model, ReplayOptions.DEFAULTS.withSymmetry(symmetry)).replay(List.of(log), () -> false);
  }

  private static List<LogEvent> log(Object... lines) {
    List<LogEvent> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i += 3) {
      @SuppressWarnings("unchecked")
      Map<String, String> params = (Map<String, String>) lines[i + 1];
      @SuppressWarnings("unchecked")
      Map<String, String> observed = (Map<String, String>) lines[i + 2];
      StepPattern step = lines[i] == null ? null : StepPattern.rule((String) lines[i], params);
      out.add(new LogEvent("log", 0, out.size() + 1, step, observed, null));
    }
    return out;
  }

  @Test
  void theFrontierKeepsOneStatePerOrbitWhileTheLogNamesNoNode() {
    List<LogEvent> log = log("bump", Map.of(), Map.of(), "bump", Map.of(), Map.of(), "bump", Map.of(), Map.of(),
        "grab", Map.of(), Map.of());
    ReplayResult reduced = replay(true, log);
    ReplayResult plain = replay(false, log);
    assertEquals(ReplayResult.Verdict.ACCEPTED, reduced.verdict());
    assertEquals(ReplayResult.Verdict.ACCEPTED, plain.verdict());
    // after one bump: one node has counted 1, any of three (3 states), one orbit; after two: {2,0,0} or {1,1,0}
    assertArrayEquals(new int[] {1, 3, 6, 7, 15}, plain.frontier());
    assertArrayEquals(new int[] {1, 1, 2, 2, 3}, reduced.frontier());
  }

  @Test
  void aNodeNamedLaterStillFindsTheSymmetricCopyThatFits() {
    // the two anonymous bumps were both node 2's: a representative that counted at node 1 must be renamed
    List<LogEvent> both = log("bump", Map.of(), Map.of(), "bump", Map.of(), Map.of(),
        null, Map.of(), Map.of("count[Node_2]", "2"));
    assertEquals(ReplayResult.Verdict.ACCEPTED, replay(true, both).verdict());
    List<LogEvent> split = log("bump", Map.of(), Map.of(), "bump", Map.of(), Map.of(),
        "grab", Map.of("n", "Node_3"), Map.of("count[Node_1]", "1"));
    assertEquals(ReplayResult.Verdict.ACCEPTED, replay(true, split).verdict());
    List<LogEvent> three = log("bump", Map.of(), Map.of(), "bump", Map.of(), Map.of(),
        null, Map.of(), Map.of("count[Node_1]", "1", "count[Node_2]", "1", "count[Node_3]", "1"));
    assertEquals(ReplayResult.Verdict.REJECTED, replay(true, three).verdict());
    assertEquals(ReplayResult.Verdict.REJECTED, replay(false, three).verdict());
  }

  @Test
  void aRejectionsTraceIsInTheLogsOwnValues() {
    // one anonymous bump, an anonymous grab, node 3 releases, node 1 grabs: node 1 never counted
    List<LogEvent> log = log("bump", Map.of(), Map.of(), "grab", Map.of(), Map.of(),
        "release", Map.of("n", "Node_3"), Map.of(), "grab", Map.of("n", "Node_1"), Map.of());
    ReplayResult r = replay(true, log);
    assertEquals(ReplayResult.Verdict.REJECTED, r.verdict());
    assertEquals(4, r.rejection().event().line());
    assertEquals(3, r.accepted());
    ReplayPropertyTest.assertTraceAgreesWithTheLog(r.trace(), "tokens");
    // the anonymous steps were node 3's, though the frontier kept them as another node's
    assertEquals(List.of("n: Node_3"), r.trace().get(1).step().parameters());
    assertEquals(List.of("n: Node_3"), r.trace().get(2).step().parameters());
    assertEquals(replay(false, log).trace().toString(), r.trace().toString());
  }
}
