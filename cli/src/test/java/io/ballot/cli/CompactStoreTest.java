package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.checker.ts.TransitionSystem;
import io.ballot.cli.report.TextReporter;
import io.ballot.cli.report.TraceMode;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.corpus.CorpusModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compact exact store (issue 25.3): a model whose states fit in 63 bits is searched with its expanded levels
 * kept as values in the inline table and its trace links moved to a file; the same model with a constant 64-bit
 * variable added is searched with its expanded levels tree-compressed ({@code TreeStateTable}), again with the
 * id-indexed store ({@link CheckOptions.WideStore#RECORDS}), which keeps every record, and by default ({@link
 * CheckOptions.WideStore#AUTO}) under a limit that makes the records move to the tree midway. Counts, depth, rule counts,
 * verdicts and counterexamples (step for step) are the same, on one thread and on two with every level split, and
 * under a memory limit small enough that the store's chunks are tiny and most of them have their links in the file.
 */
class CompactStoreTest {
  /** Put before the first line, on it, so that every location keeps its line. */
  private static final String PAD = "var compact_store_pad: array [0 .. 7] of 0 .. 255; ";
  private final FrontEnd frontEnd = new FrontEnd();

  @Test
  void corpusModelsMatchTheIdIndexedStore(@TempDir Path dir) throws IOException {
    Path corpus = CorpusModel.requireCorpus("compact store test");
    int compared = 0;
    for (String m : List.of("fox-goose-beans.m", "multiple-deadlocks.m", "bfs-vs-dfs.m", "multiple-errors.m",
        "scalarset-cex.m", "ruleset-trace2.m", "dijkstra-mutex.m", "peterson.m")) {
      if (Files.exists(corpus.resolve(m))) {
        compared += assertSameAsPadded(Files.readString(corpus.resolve(m)), dir, m, 0) ? 1 : 0;
      }
    }
    assertTrue(compared >= 4, "inline-sized corpus models compared: " + compared);
  }

  @Test
  void libraryBugVariantsGiveTheSameCounterexample(@TempDir Path dir) throws IOException {
    int compared = 0;
    for (String m : List.of("two-phase/TwoPhase-bug-commit-on-timeout.m", "two-phase/TwoPhase.m",
        "tcommit/TCommit.m")) {
      Path file = Path.of("../protocols/models", m);
      compared += assertSameAsPadded(Files.readString(file), dir, file.getFileName().toString(), 0) ? 1 : 0;
    }
    assertTrue(compared >= 1, "inline-sized library models compared: " + compared);
  }

  @Test
  void tinyChunksWithLinksInTheFileGiveTheSameDeepCounterexample(@TempDir Path dir) throws IOException {
    String model = """
        var x : 0..200;
        var y : 0..200;
        startstate begin x := 0; y := 0; end;
        rule "x" x < 200 ==> begin x := x + 1; end;
        rule "y" y < 200 ==> begin y := y + 1; end;
        invariant "not too far" x + y < 390;
        """;
    assertTrue(assertSameAsPadded(model, dir, "deep.m", 1_000_000));
  }

  /**
   * Checks {@code source} as it is and padded to over 63 bits, and compares; false when the model itself does not
   * fit the inline table (nothing compared) or has a liveness property.
   */
  private boolean assertSameAsPadded(String source, Path dir, String name, long memory) throws IOException {
    Path plain = Files.createDirectories(dir.resolve("plain")).resolve(name);
    Path padded = Files.createDirectories(dir.resolve("padded")).resolve(name);
    Files.writeString(plain, source);
    Files.writeString(padded, PAD + source);
    TransitionSystem compact = system(plain);
    TransitionSystem wide = system(padded);
    assertTrue(wide.layout().bits() > 63, name + " padded: " + wide.layout().bits() + " bits");
    if (compact.layout().bits() > 63 || compact.layout().bits() < 1 || source.contains("liveness")) {
      return false;
    }
    CheckOptions base = new CheckOptions(1, 0, deadlockOf(source), 0, 3, 0).withSingleThreadUntil(0);
    Result expected = new BfsExplorer(wide, base.withWideStore(CheckOptions.WideStore.RECORDS), ProgressListener.NONE)
        .run();
    for (int run = 0; run < 6; run++) {
      int threads = 1 + run % 2;
      boolean tree = run >= 2 && run < 4;
      boolean auto = run >= 4;
      // the tree's root set starts at 4096 stripes: a tiny model takes more bytes there than in the inline table
      long limit = (tree || auto) && memory > 0 ? 4 * memory : memory;
      if (auto) {
        // half as much again as the records' peak under the tree's limit: the records pass half of it about three
        // quarters of the way, and so move to the tree, which fits beside them; and at least half a megabyte more
        // than their peak, since the tree's fixed bytes (a root set of 4096 stripes, 170 KB) outweigh a tiny
        // model's records in chunks of 256 KiB
        Result records = memory == 0 ? expected : new BfsExplorer(wide, new CheckOptions(1, limit, deadlockOf(source),
            0, 3, 0).withSingleThreadUntil(0).withWideStore(CheckOptions.WideStore.RECORDS), ProgressListener.NONE)
            .run();
        limit = Math.max(records.storage().peakBytes() * 3 / 2, records.storage().peakBytes() + (512 << 10));
      }
      CheckOptions options = new CheckOptions(threads, limit, deadlockOf(source), 0, 3, 0).withSingleThreadUntil(0)
          .withWideStore(tree ? CheckOptions.WideStore.TREE : CheckOptions.WideStore.AUTO);
      long[] moved = {-1};
      ProgressListener listener = new ProgressListener() {
        @Override
        public void progress(long states, long rulesFired, int depth, long queued, double seconds, long bytes) {}

        @Override
        public void storeCompacted(long states, long bytesBefore, long bytesAfter) {
          moved[0] = states;
        }
      };
      Result got = new BfsExplorer(tree || auto ? wide : compact, options, listener).run();
      String what = name + (tree ? " padded, tree-compressed," : auto ? " padded, records then tree," : "") + " on "
          + threads + " threads" + (limit > 0 ? " in " + limit + " bytes" : "");
      if (auto && memory > 0) {
        assertTrue(moved[0] > 0 && moved[0] < expected.states(), what + ": moved to the tree at " + moved[0]);
      }
      if (!auto) {
        assertEquals(-1, moved[0], what + ": no move");
      }
      assertEquals(expected.verdict(), got.verdict(), what + ": " + got.stopReason());
      assertEquals(expected.states(), got.states(), what);
      assertEquals(expected.rulesFired(), got.rulesFired(), what);
      assertEquals(expected.depth(), got.depth(), what);
      assertEquals(samePlace(expected.rules().toString()), samePlace(got.rules().toString()), what);
      assertEquals(samePlace(printed(expected)), tree || auto ? samePlace(printed(got)) : printed(got), what);
      if (memory > 0) {
        assertEquals(Verdict.VIOLATED, got.verdict(), what);
        assertTrue(got.violations().get(0).trace().size() > 380, what);
      }
    }
    return true;
  }

  /** {@code text} of the padded model as if it were the plain one (same file name, in the other directory). */
  private static String samePlace(String text) {
    return text.replace("/padded/", "/plain/");
  }

  private TransitionSystem system(Path file) {
    LoadResult load = frontEnd.load(file);
    assertNotNull(load.model(), () -> file + ": " + load.diagnostics());
    return Checker.transitions(load.model(), CheckOptions.Engine.COMPILED).system();
  }

  private static CheckOptions.DeadlockMode deadlockOf(String source) {
    return source.contains("deadlock-detection off") ? CheckOptions.DeadlockMode.OFF
        : source.contains("deadlock-detection stuck") ? CheckOptions.DeadlockMode.STUCK
        : CheckOptions.DeadlockMode.STUTTERING;
  }

  /** The counterexamples as printed, without the padding variable's lines. */
  private static String printed(Result r) {
    StringWriter text = new StringWriter();
    TextReporter reporter = new TextReporter(new PrintWriter(text), TraceMode.FULL);
    for (Violation v : r.violations()) {
      reporter.printViolation(v);
    }
    return text.toString().lines().filter(l -> !l.contains("compact_store_pad")).collect(Collectors.joining("\n"));
  }
}
