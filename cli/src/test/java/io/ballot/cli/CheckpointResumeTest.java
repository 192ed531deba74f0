package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.checkpoint.CheckpointPlan;
import io.ballot.checker.checkpoint.Checkpointer;
import io.ballot.checker.checkpoint.Manifest;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.cli.report.JsonReporter;
import io.ballot.cli.report.TextReporter;
import io.ballot.cli.report.TraceMode;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.corpus.CorpusModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped at a level boundary with {@code --checkpoint} and resumed (on another number of threads, possibly
 * stopped and resumed again) ends with what an uninterrupted run prints: the same verdict, counts, per-rule and
 * cover counts, and the same counterexamples step for step (the JSON report, less its time, and the printed
 * traces). Stopped after every level of each model in turn (from the first: the start states are level 0, and a stop is asked for at the end of a level), every level split among the threads.
 */
class CheckpointResumeTest {
  private final FrontEnd frontEnd = new FrontEnd();
  @TempDir Path dir;

  @Test
  void libraryModelsResumeToTheUninterruptedResult() {
    for (String m : List.of("two-phase/TwoPhase.m", "two-phase/TwoPhase-bug-commit-on-timeout.m",
        "raft/Raft-bug-vote-twice.m", "tcommit/TCommit-bug-prepared-rm-aborts-on-timeout.m")) {
      assertResumesAtEveryLevel(Path.of("../protocols/models", m), 1);
    }
  }

  /** Several violations over several levels: those reported before the stop, and the blocked states, are kept. */
  @Test
  void violationsReportedBeforeTheStopAreKept() {
    assertResumesAtEveryLevel(Path.of("../protocols/models/raft/Raft-bug-vote-twice.m"), 20);
  }

  @Test
  void corpusModelsResumeToTheUninterruptedResult() {
    Path corpus = CorpusModel.requireCorpus("checkpoint resume test");
    for (String m : List.of("fox-goose-beans.m", "multiple-errors.m", "bfs-vs-dfs.m", "scalarset-cex.m",
        "multiple-deadlocks.m")) {
      assertResumesAtEveryLevel(corpus.resolve(m), 3);
    }
  }

  /** A run stopped twice and resumed twice, alternating 1 and 2 threads, still ends as an uninterrupted one. */
  @Test
  void aRunSplitInThreeEndsAsOne() {
    Path file = Path.of("../protocols/models/paxos-commit/PaxosCommit-bug-accept-lower-ballot.m");
    Model model = load(file);
    String expected = printed(check(model, options(1, 1), null, -1), file);
    Path ck = dir.resolve("three");
    Result first = check(model, options(2, 1), new CheckpointPlan(ck, 0, false), 3);
    assertEquals(Verdict.INCOMPLETE, first.verdict());
    Result second = check(model, options(1, 1), new CheckpointPlan(ck, 0, true), 6);
    assertEquals(Verdict.INCOMPLETE, second.verdict());
    assertEquals(6, Checkpointer.read(ck).depth());
    Result third = check(model, options(2, 1), new CheckpointPlan(ck, 0, true), -1);
    assertEquals(expected, printed(third, file));
  }

  /**
   * Level 2 (700 states) is built by two threads racing, so its ids are not in discovery order; the bad state of
   * level 3 is reached from two of them, x = 400 (the parent a search on one thread records) and x = 600 (which the
   * second thread usually stores first). Written in discovery order, the checkpoint makes the resumed run pick 400
   * too; written in id order it would pick 600.
   */
  @Test
  void aLevelBuiltByRacingThreadsIsResumedInDiscoveryOrder() throws java.io.IOException {
    Path file = dir.resolve("race.m");
    java.nio.file.Files.writeString(file, """
        var x : 0..700;
        var y : 0..2;
        var bad : boolean;
        startstate begin x := 0; y := 0; bad := false; end;
        ruleset i : 1..700 do rule "pick" x = 0 & y = 0 ==> begin x := i; y := 1; end; end;
        rule "next" y = 1 ==> begin y := 2; end;
        rule "spoil" y = 2 & (x = 400 | x = 600) ==> begin x := 0; bad := true; end;
        invariant "good" !bad;
        """);
    Model model = load(file);
    String expected = printed(check(model, interpreted(1, 1), null, -1), file);
    assertTrue(expected.contains("x: 400"), expected);
    for (int run = 0; run < 5; run++) {
      Path ck = dir.resolve("race-" + run);
      assertEquals(Verdict.INCOMPLETE, check(model, interpreted(2, 1), new CheckpointPlan(ck, 0, false), 2).verdict());
      assertEquals(expected, printed(check(model, interpreted(1, 1), new CheckpointPlan(ck, 0, true), -1), file));
    }
  }

  /**
   * Stops {@code file}'s check after each level in turn (on 1 thread, then on 2), resumes it on the other count and
   * compares with an uninterrupted run; then resumes the finished checkpoint, which reports the same result again.
   */
  private void assertResumesAtEveryLevel(Path file, int maxErrors) {
    Model model = load(file);
    Result whole = check(model, options(1, maxErrors), null, -1); // compiled: the command line's result
    String expected = printed(whole, file);
    int levels = whole.depth() + 1;
    for (int threads = 1; threads <= 2; threads++) {
      for (int stopAt = 1; stopAt < levels; stopAt++) {
        String what = file + " stopped after level " + stopAt + " on " + threads + " threads";
        Path ck = dir.resolve(file.getFileName() + "-" + threads + "-" + stopAt);
        Result stopped = check(model, interpreted(threads, maxErrors), new CheckpointPlan(ck, 3600, false), stopAt);
        if (stopped.verdict() != Verdict.INCOMPLETE) {
          continue; // the run ended before that level (a violation, or fewer levels than the depth)
        }
        Manifest m = Checkpointer.read(ck);
        assertEquals(stopAt, m.depth(), what);
        Result resumed = check(model, interpreted(3 - threads, maxErrors), new CheckpointPlan(ck, 3600, true), -1);
        assertEquals(expected, printed(resumed, file), what + ", resumed on " + (3 - threads));
        assertTrue(Checkpointer.read(ck).finished(), what);
        Result again = check(model, interpreted(threads, maxErrors), new CheckpointPlan(ck, 3600, true), -1);
        assertEquals(expected, printed(again, file), what + ": the finished checkpoint resumed");
      }
    }
  }

  private Model load(Path file) {
    LoadResult load = frontEnd.load(file);
    assertNotNull(load.model(), () -> file + ": " + load.diagnostics());
    return load.model();
  }

  /** Compiled (as on the command line), every level split among the threads. */
  private static CheckOptions options(int threads, int maxErrors) {
    return new CheckOptions(threads, 0, CheckOptions.DeadlockMode.STUTTERING, 0, maxErrors, 0)
        .withSymmetry(CheckOptions.Symmetry.HEURISTIC)
        .withSingleThreadUntil(0);
  }

  /** As {@link #options}, on the interpreter: the same results, without a compilation per run of a sweep. */
  private static CheckOptions interpreted(int threads, int maxErrors) {
    return options(threads, maxErrors).withEngine(CheckOptions.Engine.INTERPRETED);
  }

  /** Checks, stopping at the end of level {@code stopAfter} (-1: never), as Ctrl-C does there. */
  private static Result check(Model model, CheckOptions options, CheckpointPlan plan, int stopAfter) {
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
    Result r = Checker.check(model, options, listener, w -> {}, plan);
    if (r.verdict() == Verdict.INCOMPLETE) {
      assertEquals(BfsExplorer.INTERRUPTED, r.stopReason());
    }
    return r;
  }

  /** The printed counterexamples, then the JSON report without its time and memory figures. */
  static String printed(Result r, Path file) {
    StringWriter text = new StringWriter();
    TextReporter reporter = new TextReporter(new PrintWriter(text), TraceMode.FULL);
    for (Violation v : r.violations()) {
      reporter.printViolation(v);
    }
    ObjectNode json = new JsonReporter("test").toJson(r, file.toString());
    json.remove("seconds");
    json.remove("memory"); // the default limit and the peak vary between runs, as the time does
    return text + "\n" + json.toPrettyString();
  }
}
