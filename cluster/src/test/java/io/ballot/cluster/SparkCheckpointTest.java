package io.ballot.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.checkpoint.CheckpointException;
import io.ballot.checker.checkpoint.CheckpointPlan;
import io.ballot.checker.checkpoint.Fingerprint;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.result.messages.MessageTraces;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints of the cluster's search on {@code local[2]}: a run stopped after a few levels and resumed from its
 * checkpoint (a restarted driver) gives the uninterrupted run's result, a violation past the checkpoint included; a
 * task failing on its first attempt while levels are checkpointed changes nothing; a checkpoint of another model or
 * options, a damaged one, and a new run into a directory that holds one are refused.
 */
class SparkCheckpointTest {
  private static final Path TWO_PHASE = Path.of("../protocols/models/two-phase/TwoPhase.m");
  private static final Path TWO_PHASE_BUG = Path.of("../protocols/models/two-phase/TwoPhase-bug-commit-on-timeout.m");
  private static final CheckOptions OPTIONS = new CheckOptions(1, 0, DeadlockMode.STUCK, 0, 1, 0)
      .withSymmetry(CheckOptions.Symmetry.OFF);
  private static JavaSparkContext sc;

  @TempDir
  Path tmp;

  @BeforeAll
  static void start() {
    sc = SparkContexts.local("SparkCheckpointTest");
  }

  @AfterAll
  static void stop() {
    if (sc != null) {
      sc.stop();
    }
  }

  /** Asks the run to stop once it has reported {@code depth}, as Ctrl-C or a time limit would. */
  private static final class StopAt implements ProgressListener {
    private final int depth;
    private volatile boolean stop;
    int written = -1;

    StopAt(int depth) {
      this.depth = depth;
    }

    @Override
    public void progress(long states, long rulesFired, int d, long queued, double seconds, long bytes) {
      stop |= d >= depth;
    }

    @Override
    public boolean stopRequested() {
      return stop;
    }

    @Override
    public void checkpointWritten(int d, long states, double seconds) {
      written = d;
    }
  }

  private static ModelSpec spec(Path file, CheckOptions options) throws IOException {
    return ModelSpec.of(file.toString(), Files.readString(file, StandardCharsets.UTF_8), List.of(), options);
  }

  private static Fingerprint fingerprint(ModelSpec spec, CheckOptions options) {
    return Fingerprint.of(LoadedModels.get(spec).model(), options);
  }

  /** The local explorer's result, the reference (cheaper than a clean Spark run, and equal to one: SparkExplorerTest). */
  private static Result local(Path model) throws IOException {
    LoadedModel m = LoadedModels.get(spec(model, OPTIONS));
    return MessageTraces.annotate(new BfsExplorer(m.transitions(), OPTIONS, ProgressListener.NONE).run(),
        m.model().networks());
  }

  private Result interruptedThenResumed(Path model, int stopDepth, Path dir) throws IOException {
    ModelSpec spec = spec(model, OPTIONS);
    StopAt stopAt = new StopAt(stopDepth);
    Result first = new SparkExplorer(sc, spec, OPTIONS, 4, stopAt)
        .checkpoint(SparkCheckpoint.open(new CheckpointPlan(dir, 0, false), fingerprint(spec, OPTIONS))).run();
    assertEquals(Verdict.INCOMPLETE, first.verdict(), "stopped at depth " + stopDepth);
    assertEquals("interrupted", first.stopReason());
    assertEquals(stopDepth, stopAt.written, "the last complete level is checkpointed");
    SparkCheckpoint resumed = SparkCheckpoint.open(new CheckpointPlan(dir, 0, true), fingerprint(spec, OPTIONS));
    assertTrue(resumed.describeResumed().startsWith("depth " + stopDepth + ", " + first.states() + " states"),
        resumed.describeResumed());
    return new SparkExplorer(sc, spec, OPTIONS, 3, ProgressListener.NONE).checkpoint(resumed).run();
  }

  @Test
  void aRestartedDriverResumesFromTheLastCompleteLevel() throws IOException {
    Result clean = local(TWO_PHASE);
    Result resumed = interruptedThenResumed(TWO_PHASE, 4, tmp.resolve("cp"));
    assertEquals(288, clean.states());
    SparkExplorerTest.assertSame(clean, resumed, "resumed at depth 4");
  }

  @Test
  void aViolationPastTheCheckpointHasTheShortestTrace() throws IOException {
    Result clean = new SparkExplorer(sc, spec(TWO_PHASE_BUG, OPTIONS), OPTIONS, 4, ProgressListener.NONE).run();
    Result resumed = interruptedThenResumed(TWO_PHASE_BUG, 1, tmp.resolve("cp"));
    assertEquals(Verdict.VIOLATED, clean.verdict());
    SparkExplorerTest.assertSame(clean, resumed, "resumed at depth 1");
    // the cluster keeps the least parent of a state, so an uninterrupted cluster run gives the very same trace
    assertEquals(clean.violations().get(0).trace(), resumed.violations().get(0).trace(), "the same trace");
  }

  @Test
  void aTaskFailingWhileLevelsAreCheckpointedChangesNothing() throws IOException {
    ModelSpec spec = spec(TWO_PHASE, OPTIONS);
    Result clean = local(TWO_PHASE);
    // the first attempt of one task of level 3 throws, as a lost executor's task would
    TaskFault lostExecutor = (level, partition, attempt) -> {
      if (level == 3 && partition == 1 && attempt == 0) {
        throw new IllegalStateException("injected: executor lost at level 3");
      }
    };
    Result retried = new SparkExplorer(sc, spec, OPTIONS, 4, ProgressListener.NONE, lostExecutor)
        .narrowLimit(0) // partitioned from the start: partition 1 has a task at level 3
        .checkpoint(SparkCheckpoint.open(new CheckpointPlan(tmp.resolve("cp"), 0, false), fingerprint(spec, OPTIONS)))
        .run();
    SparkExplorerTest.assertSame(clean, retried, "a task of level 3 failed once");
    assertTrue(Files.exists(tmp.resolve("cp").resolve(SparkCheckpoint.FILE)));
  }

  @Test
  void aCheckpointOfAnotherModelOrOptionsOrADamagedOneIsRefused() throws IOException {
    Path dir = tmp.resolve("cp");
    ModelSpec spec = spec(TWO_PHASE, OPTIONS);
    new SparkExplorer(sc, spec, OPTIONS, 2, new StopAt(1))
        .checkpoint(SparkCheckpoint.open(new CheckpointPlan(dir, 0, false), fingerprint(spec, OPTIONS))).run();
    CheckpointPlan resume = new CheckpointPlan(dir, 0, true);
    ModelSpec other = spec(Path.of("../protocols/models/tcommit/TCommit.m"), OPTIONS);
    assertEquals(CheckpointException.Kind.MISMATCH, assertThrows(CheckpointException.class,
        () -> SparkCheckpoint.open(resume, fingerprint(other, OPTIONS))).kind(), "another model");
    CheckOptions symmetric = OPTIONS.withSymmetry(CheckOptions.Symmetry.HEURISTIC);
    assertEquals(CheckpointException.Kind.MISMATCH, assertThrows(CheckpointException.class,
        () -> SparkCheckpoint.open(resume, fingerprint(spec, symmetric))).kind(), "other options");
    assertEquals(CheckpointException.Kind.UNSUPPORTED, assertThrows(CheckpointException.class,
        () -> SparkCheckpoint.open(new CheckpointPlan(dir, 0, false), fingerprint(spec, OPTIONS))).kind(),
        "a new checkpoint over one");
    // a level the manifest names, gone: refused as damaged when the resumed run reads it, not an internal error
    Path lost = dir.resolve("levels").resolve("1");
    try (java.util.stream.Stream<Path> files = Files.walk(lost)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    SparkCheckpoint resumeLost = SparkCheckpoint.open(resume, fingerprint(spec, OPTIONS));
    assertEquals(CheckpointException.Kind.CORRUPT, assertThrows(CheckpointException.class,
        () -> new SparkExplorer(sc, spec, OPTIONS, 2, ProgressListener.NONE).checkpoint(resumeLost).run()).kind(),
        "a level directory deleted");
    Path manifest = dir.resolve(SparkCheckpoint.FILE);
    Files.writeString(manifest, Files.readString(manifest).replaceFirst("states=(\\d+)", "states=9$1"));
    assertEquals(CheckpointException.Kind.CORRUPT, assertThrows(CheckpointException.class,
        () -> SparkCheckpoint.open(resume, fingerprint(spec, OPTIONS))).kind(), "an altered manifest");
    // a checkpoint of the engine before levels were saved as blocks (format 1: one object per state)
    Files.writeString(manifest, Files.readString(manifest).replace("ballot-spark-checkpoint 2",
        "ballot-spark-checkpoint 1"));
    CheckpointException older = assertThrows(CheckpointException.class,
        () -> SparkCheckpoint.open(resume, fingerprint(spec, OPTIONS)));
    assertEquals(CheckpointException.Kind.MISMATCH, older.kind(), "another version's checkpoint");
    assertTrue(older.getMessage().contains("another version"), older.getMessage());
    assertEquals(CheckpointException.Kind.CORRUPT, assertThrows(CheckpointException.class,
        () -> SparkCheckpoint.open(new CheckpointPlan(tmp.resolve("none"), 0, true), fingerprint(spec, OPTIONS)))
        .kind(), "no checkpoint");
  }
}
