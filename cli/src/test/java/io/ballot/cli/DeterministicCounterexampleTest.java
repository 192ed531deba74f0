package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.symmetry.SymmetryReduction;
import io.ballot.checker.ts.TransitionSystem;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.cli.report.JsonReporter;
import io.ballot.cli.report.TextReporter;
import io.ballot.cli.report.TraceMode;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.corpus.CorpusModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counterexamples (which violations, and each one's trace) are a function of the model and the options alone:
 * the same on every run and whatever the number of threads. Each model is checked 10 times on 1, 2 and 4 threads,
 * with every level split among the threads (not only those of 2^15 states and more, as by default), so that the
 * threads race for the states of every level; the printed counterexamples and the JSON report (less its time) of
 * all 30 runs must be identical.
 */
class DeterministicCounterexampleTest {
  private static final int RUNS = 10;
  private static final int[] THREADS = {1, 2, 4};
  private final FrontEnd frontEnd = new FrontEnd();

  /**
   * Two states of the first level lead to the bad state: the 400th, the parent a search on one thread records, and
   * the 513th, the first of the second batch of 512 states the threads take, which a second thread reaches long before
   * the first thread reaches the 400th. Only the least parent (rule "pick, i: 400") may be reported, as on one thread.
   */
  @Test
  void aStateReachedFromTwoBatchesOfALevelKeepsItsFirstParent(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("race.m");
    Files.writeString(model, """
        var x : 0..700;
        var bad : boolean;
        startstate begin x := 0; bad := false; end;
        ruleset i : 1..700 do rule "pick" x = 0 & !bad ==> begin x := i; end; end;
        rule "spoil" x = 400 | x = 513 ==> begin x := 0; bad := true; end;
        invariant "good" !bad;
        """);
    String report = assertSameEveryRun(model, 1, true);
    assertTrue(report.contains("Step 2: pick, i: 400\n"), report);
  }

  /**
   * States of 24 bits, kept in the inline table once their level is found; levels of up to about 20,000 states, so
   * that the table's inserts between levels run on several threads (from 2^14 states). A state lost or inserted
   * twice by those inserts changes the count or the counterexample of a run.
   */
  @Test
  void aSearchWhoseLevelsJoinTheInlineTableInParallelGivesOneCounterexample(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("counters.m");
    Files.writeString(model, """
        const N: 6; MAX: 7;
        type idx: 1 .. N; val: 0 .. MAX;
        var c: array [idx] of val;
        startstate begin for i: idx do c[i] := 0; end; end;
        ruleset i: idx do
          rule "inc" c[i] < MAX ==> begin c[i] := c[i] + 1; end;
          rule "reset" c[i] = MAX ==> begin c[i] := 0; end;
        end;
        invariant "not all but one full"
          !(c[1] = MAX & c[2] = MAX & c[3] = MAX & c[4] = MAX & c[5] = MAX & c[6] = MAX - 1);
        """);
    String report = assertSameEveryRun(model, 1, true);
    assertTrue(report.contains("\"states\" : 262143"), report); // all 8^6 but the one past the violation's level
  }

  @Test
  void libraryBugVariantsGiveOneCounterexampleWhateverTheThreads() {
    for (String m : List.of(
        "paxos-commit/PaxosCommit-bug-accept-lower-ballot.m",
        "raft/Raft-bug-vote-twice.m",
        "tcommit/TCommit-bug-prepared-rm-aborts-on-timeout.m",
        "two-phase/TwoPhase-bug-commit-on-timeout.m")) {
      assertSameEveryRun(Path.of("../protocols/models", m), 1, true);
    }
  }

  /**
   * Each level is renumbered into discovery order once ranked: the seen-sets that hold ids of the level just built
   * (the id-indexed records, taken for wide states with {@code --x-wide-store records} and with liveness
   * properties) or none of earlier levels (hash compaction) give the same counterexamples as the default one (the
   * tree store, for these states of hundreds of bits), and so do the states blocked by an invariant (three violations
   * reported, so the search goes on past the first).
   */
  @Test
  void everySeenSetGivesOneCounterexampleWhateverTheThreads() {
    Path model = Path.of("../protocols/models/paxos-commit/PaxosCommit-bug-accept-lower-ballot.m");
    String byValue = assertSameEveryRun(model, 3, true, o -> o);
    assertEquals(byValue, assertSameEveryRun(model, 3, true, o -> o.withWideStore(CheckOptions.WideStore.RECORDS)));
    String compacted = assertSameEveryRun(model, 3, true, o -> o.withHashCompaction(40));
    assertTrue(compacted.contains("Step 1"), compacted);
  }

  @Test
  void paxosForgetPromiseGivesOneCounterexampleWhateverTheThreads() {
    // 257,827 states, on the compiled engine, with the levels split from 2^15 states on as on the command line
    assertSameEveryRun(Path.of("../protocols/models/paxos/Paxos-bug-forget-promise-on-restart.m"), 1, false);
  }

  @Test
  void corpusViolationsAreTheSameWhateverTheThreads() {
    Path corpus = CorpusModel.requireCorpus("deterministic counterexample test");
    for (String m : List.of("fox-goose-beans.m", "multiple-deadlocks.m", "bfs-vs-dfs.m", "multiple-errors.m",
        "liveness-miss2.m", "scalarset-cex.m", "ruleset-trace2.m")) {
      assertSameEveryRun(corpus.resolve(m), 3, true);
    }
  }

  /**
   * Checks {@code file} 10 times on each thread count (compiled once: compiling takes longer than most of the runs)
   * and compares the reports; returns the report. With {@code splitAll}, every level is split among the threads;
   * otherwise from 2^15 states on, as on the command line.
   */
  private String assertSameEveryRun(Path file, int maxErrors, boolean splitAll) {
    return assertSameEveryRun(file, maxErrors, splitAll, o -> o);
  }

  /** As above, with the options changed by {@code more}. */
  private String assertSameEveryRun(Path file, int maxErrors, boolean splitAll,
      java.util.function.UnaryOperator<CheckOptions> more) {
    LoadResult load = frontEnd.load(file);
    assertNotNull(load.model(), () -> file + ": " + load.diagnostics());
    TransitionSystem ts = Checker.transitions(load.model(), CheckOptions.Engine.COMPILED).system(); // once: javac
    CheckOptions.Symmetry symmetry = SymmetryReduction.unsoundLiveness(load.model()) == null
        ? CheckOptions.Symmetry.HEURISTIC
        : CheckOptions.Symmetry.OFF; // as Checker.check does
    String first = null;
    for (int threads : THREADS) {
      for (int run = 0; run < RUNS; run++) {
        CheckOptions options =
            new CheckOptions(threads, 0, CheckOptions.DeadlockMode.STUTTERING, 0, maxErrors, 0)
                .withSymmetry(symmetry);
        if (splitAll) {
          options = options.withSingleThreadUntil(0);
        }
        options = more.apply(options);
        Result r = new BfsExplorer(ts, options, ProgressListener.NONE).run();
        assertEquals(Verdict.VIOLATED, r.verdict(), file + " on " + threads + " threads");
        String report = printed(r, load.model(), file);
        if (first == null) {
          first = report;
        } else {
          assertEquals(first, report, file + ": run " + (run + 1) + " on " + threads + " threads differs from the"
              + " first run on 1 thread");
        }
      }
    }
    return first;
  }

  /** The printed counterexamples, then the JSON report without its time. */
  private static String printed(Result r, Model model, Path file) {
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
