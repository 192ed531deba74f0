package io.ballot.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.checker.result.messages.MessageTraces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cluster's search on {@code local[2]} against the local explorer: the same counts, depth, verdict, violations,
 * covers and rule counts, and counterexamples of the same (shortest) length that replay, on message-passing models
 * (multisets over networks; the corpus and the protocol library are {@link SparkCorpusTest}'s); the same result when
 * tasks fail and are retried, and with blocks of one state.
 */
class SparkExplorerTest {
  private static JavaSparkContext sc;

  @BeforeAll
  static void start() {
    sc = SparkContexts.local("SparkExplorerTest");
  }

  @AfterAll
  static void stop() {
    if (sc != null) {
      sc.stop();
    }
  }

  /**
   * A model, the options it is checked with (from its corpus header, as Rumur would run it) and the constants it
   * overrides ({@code NAME=VALUE}, as {@code --const} takes them).
   */
  record Case(Path file, CheckOptions options, List<String> consts) {
    Case {
      consts = List.copyOf(consts);
    }

    Case(Path file, CheckOptions options) {
      this(file, options, List.of());
    }

    @Override
    public String toString() {
      return file.getFileName() + " " + options.symmetry() + " " + options.deadlock()
          + (consts.isEmpty() ? "" : " " + String.join(" ", consts));
    }
  }

  /** Models outside the corpus and the library ({@link SparkCorpusTest} runs those): message passing. */
  static Stream<Arguments> models() {
    List<Case> cases = new ArrayList<>();
    // multisets (with their reduction), message passing over an unordered network
    cases.add(new Case(Path.of("../dsl/src/test/resources/msgpass/unordered-plain.m"), defaults(DeadlockMode.OFF)));
    cases.add(new Case(Path.of("../dsl/src/test/resources/msgpass/duplicating-plain.m"), defaults(DeadlockMode.OFF)));
    return cases.stream().map(Arguments::of);
  }

  private static CheckOptions defaults(DeadlockMode deadlock) {
    return new CheckOptions(1, 0, deadlock, 0, 1, 0).withSymmetry(CheckOptions.Symmetry.HEURISTIC);
  }

  /** The options Rumur's flags in a corpus header ask for. */
  static CheckOptions optionsOf(List<String> flags) {
    DeadlockMode deadlock = DeadlockMode.STUTTERING;
    int bound = 0;
    int maxErrors = 1;
    for (int i = 0; i + 1 < flags.size(); i++) {
      String v = flags.get(i + 1);
      switch (flags.get(i)) {
        case "--deadlock-detection" -> deadlock = DeadlockMode.valueOf(v.toUpperCase(java.util.Locale.ROOT));
        case "--bound" -> bound = Integer.parseInt(v);
        case "--max-errors" -> maxErrors = Integer.parseInt(v);
        default -> { }
      }
    }
    return new CheckOptions(1, 0, deadlock, bound, maxErrors, 0).withSymmetry(CheckOptions.Symmetry.HEURISTIC);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void sameResultAsTheLocalExplorer(Case c) throws IOException {
    ModelSpec spec = spec(c);
    LoadedModel m = LoadedModels.get(spec);
    Result local = MessageTraces.annotate(new BfsExplorer(m.transitions(), c.options(), ProgressListener.NONE).run(),
        m.model().networks());
    Result spark = new SparkExplorer(sc, spec, c.options(), 3, ProgressListener.NONE).narrowLimit(0).run();
    assertSame(local, spark, c.toString());
  }

  @Test
  void failedTasksAreRetriedWithoutChangingTheResult() throws IOException {
    Case c = new Case(Path.of("../protocols/models/two-phase/TwoPhase.m"),
        defaults(DeadlockMode.STUCK).withSymmetry(CheckOptions.Symmetry.OFF));
    ModelSpec spec = spec(c);
    Result clean = new SparkExplorer(sc, spec, c.options(), 4, ProgressListener.NONE).run();
    // every expansion task of every level fails on its first attempt, after a partial expansion would have begun
    TaskFault firstAttemptsFail = (level, partition, attempt) -> {
      if (attempt == 0) {
        throw new IllegalStateException("injected: level " + level + ", partition " + partition);
      }
    };
    Result retried = new SparkExplorer(sc, spec, c.options(), 4, ProgressListener.NONE, firstAttemptsFail)
        .narrowLimit(0).run();
    Result retriedNarrow = new SparkExplorer(sc, spec, c.options(), 4, ProgressListener.NONE, firstAttemptsFail).run();
    assertEquals(288, clean.states(), "TwoPhase without reduction has TLC's 288 states");
    assertSame(clean, retried, "with failed tasks, every level partitioned");
    assertSame(clean, retriedNarrow, "with failed tasks, every level one task");
  }

  @Test
  void aViolationFoundAfterRetriesStillHasAShortestReplayedTrace() throws IOException {
    Case c = new Case(Path.of("../protocols/models/two-phase/TwoPhase-bug-commit-on-timeout.m"),
        defaults(DeadlockMode.STUCK));
    ModelSpec spec = spec(c);
    TaskFault oddPartitionsFail = (level, partition, attempt) -> {
      if (attempt == 0 && partition % 2 == 1) {
        throw new IllegalStateException("injected");
      }
    };
    Result r = new SparkExplorer(sc, spec, c.options(), 5, ProgressListener.NONE, oddPartitionsFail).narrowLimit(0)
        .run();
    assertEquals(Verdict.VIOLATED, r.verdict());
    assertEquals(4, r.violations().get(0).trace().size(), "the manifest's shortest counterexample has 4 steps");
  }

  @Test
  void aLibraryBugFoundAfterRetriesIsTheLocalExplorersResult() throws IOException {
    // Paxos's bug with ballots 0..1 (library-reduced.tsv): 14 levels, every one partitioned, each retried
    Case c = new Case(Path.of("../protocols/models/paxos/Paxos-bug-forget-promise-on-restart.m"),
        defaults(DeadlockMode.OFF), List.of("MAX_BAL=1"));
    ModelSpec spec = spec(c);
    TaskFault evenPartitionsFail = (level, partition, attempt) -> {
      if (attempt == 0 && partition % 2 == 0) {
        throw new IllegalStateException("injected");
      }
    };
    LoadedModel m = LoadedModels.get(spec);
    Result local = MessageTraces.annotate(new BfsExplorer(m.transitions(), c.options(), ProgressListener.NONE).run(),
        m.model().networks());
    Result r = new SparkExplorer(sc, spec, c.options(), 3, ProgressListener.NONE, evenPartitionsFail).narrowLimit(0)
        .run();
    assertSame(local, r, c + ", tasks failed and retried");
    assertEquals("Agreement", r.violations().get(0).property());
    assertEquals(14, r.violations().get(0).trace().size(), "the manifest's shortest counterexample has 14 steps");
  }

  @Test
  void blocksOfOneStateGiveTheSameResultAndTheSameTrace() throws IOException {
    Case c = new Case(Path.of("../protocols/models/two-phase/TwoPhase-bug-commit-on-timeout.m"),
        defaults(DeadlockMode.STUCK).withSymmetry(CheckOptions.Symmetry.OFF));
    ModelSpec spec = spec(c);
    Result blocks = new SparkExplorer(sc, spec, c.options(), 2, ProgressListener.NONE).narrowLimit(0).run();
    // every successor shipped alone, over another partitioning: the duplicates meet only when the blocks are merged
    Result single = new SparkExplorer(sc, spec, c.options(), 5, ProgressListener.NONE).narrowLimit(0).blockLimit(1)
        .run();
    LoadedModel m = LoadedModels.get(spec);
    Result local = MessageTraces.annotate(new BfsExplorer(m.transitions(), c.options(), ProgressListener.NONE).run(),
        m.model().networks());
    assertSame(local, single, "blocks of one state");
    assertSame(blocks, single, "blocks of one state against whole blocks");
    assertEquals(blocks.violations().get(0).trace(), single.violations().get(0).trace(),
        "the least parent links: the same trace, state for state");
  }

  @Test
  void narrowLevelsThenPartitionedOnesGiveTheSameResultAndTheSameTrace() throws IOException {
    for (String model : List.of("TwoPhase.m", "TwoPhase-bug-commit-on-timeout.m")) {
      Case c = new Case(Path.of("../protocols/models/two-phase", model),
          defaults(DeadlockMode.STUCK).withSymmetry(CheckOptions.Symmetry.OFF));
      ModelSpec spec = spec(c);
      LoadedModel m = LoadedModels.get(spec);
      Result local = MessageTraces.annotate(
          new BfsExplorer(m.transitions(), c.options(), ProgressListener.NONE).run(), m.model().networks());
      SparkExplorer narrow = new SparkExplorer(sc, spec, c.options(), 3, ProgressListener.NONE);
      SparkExplorer partitioned = new SparkExplorer(sc, spec, c.options(), 3, ProgressListener.NONE).narrowLimit(0);
      // one task per level while a level has at most 3 new states, then the seen set rebuilt over 3 partitions
      SparkExplorer switched = new SparkExplorer(sc, spec, c.options(), 3, ProgressListener.NONE).narrowLimit(3);
      Result n = narrow.run();
      Result p = partitioned.run();
      Result s = switched.run();
      assertSame(local, n, model + ": narrow levels");
      assertSame(local, p, model + ": partitioned levels");
      assertSame(local, s, model + ": narrow, then partitioned levels");
      assertTrue(narrow.levelPartitions().stream().allMatch(k -> k == 1), "narrow: " + narrow.levelPartitions());
      assertTrue(partitioned.levelPartitions().stream().allMatch(k -> k == 3), "partitioned");
      List<Integer> parts = switched.levelPartitions();
      assertTrue(parts.get(0) == 1 && parts.get(parts.size() - 1) == 3, "the run switched: " + parts);
      if (local.verdict() == Verdict.VIOLATED) {
        assertEquals(p.violations().get(0).trace(), n.violations().get(0).trace(), model + ": the same trace");
        assertEquals(p.violations().get(0).trace(), s.violations().get(0).trace(), model + ": the same trace");
      }
    }
  }

  static ModelSpec spec(Case c) throws IOException {
    String source = new String(Files.readAllBytes(c.file()), StandardCharsets.UTF_8);
    return ModelSpec.of(c.file().toString(), source, c.consts(), c.options());
  }

  /** Equal counts, verdict, covers, rule counts and violations, with traces of equal length. */
  static void assertSame(Result local, Result spark, String what) {
    assertEquals(local.verdict(), spark.verdict(), what + ": verdict");
    assertEquals(local.states(), spark.states(), what + ": states");
    assertEquals(local.rulesFired(), spark.rulesFired(), what + ": rules fired");
    assertEquals(local.depth(), spark.depth(), what + ": depth");
    assertEquals(local.stopReason(), spark.stopReason(), what + ": stop reason");
    assertEquals(local.complete(), spark.complete(), what + ": complete");
    assertEquals(local.covers(), spark.covers(), what + ": covers");
    assertEquals(local.rules(), spark.rules(), what + ": rule counts");
    assertEquals(local.violations().size(), spark.violations().size(), what + ": violations");
    for (int i = 0; i < local.violations().size(); i++) {
      Violation l = local.violations().get(i);
      Violation s = spark.violations().get(i);
      assertEquals(l.kind(), s.kind(), what + ": kind");
      assertEquals(l.property(), s.property(), what + ": property");
      assertEquals(l.location(), s.location(), what + ": location");
      assertEquals(l.message(), s.message(), what + ": message");
      assertEquals(l.trace().size(), s.trace().size(), what + ": trace length (both shortest)");
      assertNotNull(s.trace());
    }
    assertTrue(spark.seconds() >= 0);
  }
}
