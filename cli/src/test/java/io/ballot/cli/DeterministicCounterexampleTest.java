package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.explore.disk.DiskSpill;
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
    Files.writeString(model, CountersModel.text(6, 7) + """
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

  /**
   * The levels keep the ids their threads stored them at and are expanded in discovery order through a list of their
   * ids; a search that hands its states over to disk at a level boundary passes that list on, so that the disk search
   * expands the last level in discovery order too: the same counterexample as a search in memory, whatever the
   * threads. The invariant fails deep in the search (depth 4 * 9 - 2), long after the hand-over (the id-indexed
   * records, at 1M); every level is split among the threads.
   */
  @Test
  void aSearchHandedOverToDiskGivesOneCounterexampleWhateverTheThreads(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("deep.m");
    Files.writeString(model, CountersModel.wide(CountersModel.text(5, 9)
        .replace("c[i] <= MAX end", "c[i] <= MAX end & c[1] + c[2] + c[3] + c[4] < 34")));
    String inMemory = assertSameEveryRun(model, 1, true);
    String onDisk = assertSameEveryRun(model, 1, true,
        o -> o.withMemoryBytes(1 << 20).withWideStore(CheckOptions.WideStore.RECORDS), (ts, o) -> {
          BfsExplorer memory = new BfsExplorer(ts, o, ProgressListener.NONE);
          memory.spillTo(new DiskSpill(ts, o, ProgressListener.NONE, dir, notice -> {}));
          Result r = memory.run();
          assertNotNull(memory.continuation(), () -> "not handed over to disk: " + r.stopReason());
          return memory.continuation().run();
        });
    assertEquals(counterexamples(inMemory), counterexamples(onDisk));
  }

  /**
   * What the disk search is handed (as above): the last level's states in the order to expand them, each with its
   * parent's value and rule, as a search on one thread finds them ({@link #oneThreadLevel}), whatever the threads;
   * the level is wide enough (over two batches of 512) for the threads to store its states out of discovery order.
   * (Where the hand-over comes depends on the threads: their buffers and the parent tracking's arrays count.)
   */
  @Test
  void theLevelHandedOverIsInDiscoveryOrderWhateverTheThreads(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("deep.m");
    Files.writeString(file, CountersModel.wide(CountersModel.text(5, 9)
        .replace("c[i] <= MAX end", "c[i] <= MAX end & c[1] + c[2] + c[3] + c[4] < 34")));
    LoadResult load = frontEnd.load(file);
    TransitionSystem ts = Checker.transitions(load.model(), CheckOptions.Engine.COMPILED).system();
    java.util.Map<Integer, List<String>> reference = new java.util.HashMap<>();
    for (int threads : THREADS) {
      for (int run = 0; run < RUNS / 2; run++) {
        CheckOptions options = new CheckOptions(threads, 0, CheckOptions.DeadlockMode.STUTTERING, 0, 1, 0)
            .withSingleThreadUntil(0).withMemoryBytes(2 << 20).withWideStore(CheckOptions.WideStore.RECORDS);
        List<String> handed = new java.util.ArrayList<>();
        int[] depth = {-1};
        BfsExplorer memory = new BfsExplorer(ts, options, ProgressListener.NONE);
        memory.spillTo((levels, carried) -> {
          depth[0] = levels.count() - 1;
          int from = levels.from(levels.count() - 1);
          int[] order = levels.lastLevelOrder();
          int n = order != null ? order.length : levels.from(levels.count()) - from;
          long[] state = new long[levels.words()];
          long[] parent = new long[levels.words()];
          for (int k = 0; k < n; k++) {
            int id = order != null ? order[k] : from + k;
            if (levels.isHole(id)) {
              continue;
            }
            levels.get(id, state);
            levels.get(levels.parent(id), parent);
            handed.add(java.util.Arrays.toString(state) + " from " + java.util.Arrays.toString(parent) + " by "
                + levels.rule(id));
          }
          return null;
        });
        memory.run();
        String where = "run " + (run + 1) + " on " + threads + " threads, depth " + depth[0];
        assertTrue(handed.size() > 2 * 512, where + ": handed over a level of " + handed.size() + " states");
        List<String> expected = reference.computeIfAbsent(depth[0], d -> oneThreadLevel(ts, d));
        assertEquals(expected.size(), handed.size(), where);
        for (int k = 0; k < handed.size(); k++) {
          assertEquals(expected.get(k), handed.get(k), where + ", state " + k + " of the level handed over");
        }
      }
    }
  }

  /**
   * Level {@code depth} of {@code ts} (no assumptions, no reduction) as a breadth-first search on one thread finds it:
   * each state, in that order, with its parent's value and the rule, as {@link
   * #theLevelHandedOverIsInDiscoveryOrderWhateverTheThreads} describes them.
   */
  private static List<String> oneThreadLevel(TransitionSystem ts, int depth) {
    try {
      return oneThreadLevelOrError(ts, depth);
    } catch (io.ballot.checker.ts.ModelError e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> oneThreadLevelOrError(TransitionSystem ts, int depth)
      throws io.ballot.checker.ts.ModelError {
    int words = ts.layout().words();
    java.util.Set<List<Long>> seen = new java.util.HashSet<>();
    List<long[]> level = new java.util.ArrayList<>();
    List<String> described = new java.util.ArrayList<>();
    for (int i = 0; i < ts.startCount(); i++) {
      long[] s = new long[words];
      if (ts.runStart(i, s, io.ballot.checker.ts.Effects.NONE) && seen.add(key(s))) {
        level.add(s);
      }
    }
    for (int d = 0; d < depth; d++) {
      List<long[]> next = new java.util.ArrayList<>();
      described = new java.util.ArrayList<>();
      for (long[] p : level) {
        for (int r = 0; r < ts.ruleCount(); r++) {
          long[] n = p.clone();
          if (ts.guard(r, p) && ts.fire(r, p, n, io.ballot.checker.ts.Effects.NONE) && seen.add(key(n))) {
            next.add(n);
            described.add(java.util.Arrays.toString(n) + " from " + java.util.Arrays.toString(p) + " by " + r);
          }
        }
      }
      level = next;
    }
    return described;
  }

  private static List<Long> key(long[] s) {
    return java.util.Arrays.stream(s).boxed().toList();
  }

  /** The printed counterexamples of a report of {@link #assertSameEveryRun} (less its JSON). */
  private static String counterexamples(String report) {
    return report.substring(0, report.indexOf("\n{"));
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
    return assertSameEveryRun(file, maxErrors, splitAll, more,
        (ts, options) -> new BfsExplorer(ts, options, ProgressListener.NONE).run());
  }

  /** As above, each run made by {@code search}. */
  private String assertSameEveryRun(Path file, int maxErrors, boolean splitAll,
      java.util.function.UnaryOperator<CheckOptions> more,
      java.util.function.BiFunction<TransitionSystem, CheckOptions, Result> search) {
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
        Result r = search.apply(ts, options);
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
