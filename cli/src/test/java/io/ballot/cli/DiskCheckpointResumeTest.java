package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.StoreChoice;
import io.ballot.checker.checkpoint.CheckpointPlan;
import io.ballot.checker.checkpoint.Checkpointer;
import io.ballot.checker.checkpoint.Manifest;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.corpus.CorpusModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints and the disk store ({@code --store disk}) under a tiny memory limit ({@value #TINY} bytes: candidate
 * tables of a few hundred states, flushed many times a level, runs merged, lookups on disk from the first levels): a
 * run stopped after each level in turn and resumed ends with what an uninterrupted in-memory run prints (verdict,
 * counts, per-rule and cover counts, every counterexample step for step). Per level the pairing changes: a disk
 * checkpoint resumed on disk, a disk checkpoint resumed in memory, an in-memory checkpoint resumed on disk; the
 * thread count changes between the two runs.
 */
class DiskCheckpointResumeTest {
  private static final long TINY = 32 << 10;
  private static final StoreChoice MEMORY = new StoreChoice(StoreChoice.Kind.MEMORY, null);
  private final FrontEnd frontEnd = new FrontEnd();
  @TempDir Path dir;

  @Test
  void libraryModelsResumeAcrossStores() {
    for (String m : List.of("two-phase/TwoPhase.m", "two-phase/TwoPhase-bug-commit-on-timeout.m",
        "tcommit/TCommit-bug-prepared-rm-aborts-on-timeout.m")) {
      assertResumesAtEveryLevel(Path.of("../protocols/models", m), 1);
    }
  }

  /** Several violations over several levels: those reported before the stop, and the blocked states, are kept. */
  @Test
  void violationsReportedBeforeTheStopAreKept() {
    assertResumesAtEveryLevel(Path.of("../protocols/models/raft/Raft-bug-vote-twice.m"), 20);
  }

  @Test
  void corpusModelsResumeAcrossStores() {
    Path corpus = CorpusModel.requireCorpus("disk checkpoint resume test");
    for (String m : List.of("fox-goose-beans.m", "multiple-errors.m", "scalarset-cex.m", "multiple-deadlocks.m")) {
      assertResumesAtEveryLevel(corpus.resolve(m), 3);
    }
  }

  /** Stopped twice and resumed twice, on disk, in memory, then on disk, it still ends as an uninterrupted run. */
  @Test
  void aRunSplitInThreeAcrossStoresEndsAsOne() {
    Path file = Path.of("../protocols/models/paxos-commit/PaxosCommit-bug-accept-lower-ballot.m");
    Model model = load(file);
    String expected = CheckpointResumeTest.printed(check(model, options(1, 1, 0), null, MEMORY, -1), file);
    Path ck = dir.resolve("three");
    StoreChoice disk = new StoreChoice(StoreChoice.Kind.DISK, dir.resolve("store"));
    assertEquals(Verdict.INCOMPLETE,
        check(model, options(2, 1, TINY), new CheckpointPlan(ck, 0, false), disk, 3).verdict());
    assertEquals(Verdict.INCOMPLETE,
        check(model, options(1, 1, 0), new CheckpointPlan(ck, 0, true), MEMORY, 6).verdict());
    assertEquals(6, Checkpointer.read(ck).depth());
    Result third = check(model, options(2, 1, TINY), new CheckpointPlan(ck, 0, true), disk, -1);
    assertEquals(expected, CheckpointResumeTest.printed(third, file));
    assertTrue(Checkpointer.read(ck).finished());
  }

  /**
   * The disk search writes the very checkpoint the in-memory search writes: the same states file, byte for byte
   * (levels in discovery order, parents as positions), and a manifest with the same contents but for the times.
   */
  @Test
  void bothStoresWriteTheSameCheckpoint() throws java.io.IOException {
    for (String m : List.of("two-phase/TwoPhase-bug-commit-on-timeout.m", "raft/Raft-bug-vote-twice.m")) {
      Path file = Path.of("../protocols/models", m);
      Model model = load(file);
      Path inMemory = dir.resolve("memory-" + file.getFileName());
      Path onDisk = dir.resolve("disk-" + file.getFileName());
      check(model, options(2, 20, 0), new CheckpointPlan(inMemory, 0, false), MEMORY, -1);
      check(model, options(2, 20, TINY), new CheckpointPlan(onDisk, 0, false),
          new StoreChoice(StoreChoice.Kind.DISK, dir.resolve("store")), -1);
      assertArrayEquals(java.nio.file.Files.readAllBytes(inMemory.resolve("states")),
          java.nio.file.Files.readAllBytes(onDisk.resolve("states")), m);
      Manifest a = Checkpointer.read(inMemory);
      Manifest b = Checkpointer.read(onDisk);
      assertEquals(List.of(a.depth(), a.levelStart(), a.states(), a.segments(), a.finished()),
          List.of(b.depth(), b.levelStart(), b.states(), b.segments(), b.finished()), m);
      assertEquals(a.dataBytes(), b.dataBytes(), m);
      assertEquals(a.rulesFired(), b.rulesFired(), m);
      assertArrayEquals(a.ruleFires(), b.ruleFires(), m);
      assertArrayEquals(a.coverHits(), b.coverHits(), m);
      assertArrayEquals(a.blocked(), b.blocked(), m);
      assertEquals(a.violations(), b.violations(), m);
      assertTrue(!a.violations().isEmpty(), m);
    }
  }

  private void assertResumesAtEveryLevel(Path file, int maxErrors) {
    Model model = load(file);
    Result whole = check(model, options(1, maxErrors, 0), null, MEMORY, -1);
    String expected = CheckpointResumeTest.printed(whole, file);
    StoreChoice disk = new StoreChoice(StoreChoice.Kind.DISK, dir.resolve("store"));
    int levels = whole.depth() + 1;
    for (int stopAt = 1; stopAt < levels; stopAt++) {
      int pairing = stopAt % 3; // 0: disk to disk, 1: disk to memory, 2: memory to disk
      int threads = 1 + stopAt % 2;
      StoreChoice first = pairing == 2 ? MEMORY : disk;
      StoreChoice second = pairing == 1 ? MEMORY : disk;
      String what = file + " stopped after level " + stopAt + " (" + first.kind() + ", " + threads + " threads),"
          + " resumed " + second.kind() + " on " + (3 - threads);
      Path ck = dir.resolve(file.getFileName() + "-" + stopAt);
      Result stopped = check(model, options(threads, maxErrors, first == MEMORY ? 0 : TINY),
          new CheckpointPlan(ck, 3600, false), first, stopAt);
      if (stopped.verdict() != Verdict.INCOMPLETE) {
        continue; // the run ended before that level (a violation, or fewer levels than the depth)
      }
      assertEquals(stopAt, Checkpointer.read(ck).depth(), what);
      Result resumed = check(model, options(3 - threads, maxErrors, second == MEMORY ? 0 : TINY),
          new CheckpointPlan(ck, 3600, true), second, -1);
      assertEquals(expected, CheckpointResumeTest.printed(resumed, file), what);
      assertTrue(Checkpointer.read(ck).finished(), what);
      Result again = check(model, options(threads, maxErrors, TINY), new CheckpointPlan(ck, 3600, true), disk, -1);
      assertEquals(expected, CheckpointResumeTest.printed(again, file), what + ": the finished checkpoint on disk");
    }
  }

  private Model load(Path file) {
    LoadResult load = frontEnd.load(file);
    assertNotNull(load.model(), () -> file + ": " + load.diagnostics());
    return load.model();
  }

  /** Interpreted (the same results as compiled, without a compilation per run), symmetry reduction on. */
  private static CheckOptions options(int threads, int maxErrors, long memory) {
    return new CheckOptions(threads, memory, CheckOptions.DeadlockMode.STUTTERING, 0, maxErrors, 0)
        .withEngine(CheckOptions.Engine.INTERPRETED).withSymmetry(CheckOptions.Symmetry.HEURISTIC)
        .withSingleThreadUntil(0);
  }

  /** Checks, stopping at the end of level {@code stopAfter} (-1: never), as Ctrl-C does there. */
  private static Result check(Model model, CheckOptions options, CheckpointPlan plan, StoreChoice store,
      int stopAfter) {
    AtomicBoolean stop = new AtomicBoolean();
    ProgressListener listener = new ProgressListener() {
      @Override
      public void progress(long states, long rulesFired, int depth, long queued, double seconds, long bytes) {
        if (stopAfter >= 0 && depth >= stopAfter) {
          stop.set(true);
        }
      }

      @Override
      public boolean stopRequested() {
        return stop.get();
      }
    };
    Result r = Checker.check(model, options, listener, w -> {}, plan, store);
    if (r.verdict() == Verdict.INCOMPLETE) {
      assertEquals(BfsExplorer.INTERRUPTED, r.stopReason());
    }
    return r;
  }
}
