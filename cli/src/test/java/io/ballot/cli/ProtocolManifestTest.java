package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.interp.Interpreter;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.checker.result.ViolationKind;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.trace.TraceReplay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the protocol manifest ({@code protocols/manifest.tsv}): every row whose {@code max_seconds} is at most
 * {@link #CI_MAX_SECONDS} (all rows with {@code -Dballot.manifest.all=true}; every row whose model path contains S,
 * whatever its time, with {@code -Dballot.manifest.models=S}) is checked in-process, and the verdict,
 * the state count and depth (rows that hold), the violated invariant and the shortest trace's length (rows that
 * are violated) must be the manifest's; each counterexample must replay, step by step with its printed process
 * ids, from the start state. Also checks the line budget of the extension twins ({@code *-ext.m}).
 */
class ProtocolManifestTest {
  /** Rows above this bound are left to the full run (docs/protocols.md). */
  static final double CI_MAX_SECONDS = 30;

  private static final Path PROTOCOLS = Path.of("../protocols");

  @TestFactory
  Stream<DynamicTest> manifestRows() throws IOException {
    ProtocolManifest manifest = ProtocolManifest.read(PROTOCOLS.resolve("manifest.tsv"));
    boolean all = Boolean.getBoolean("ballot.manifest.all");
    String only = System.getProperty("ballot.manifest.models", "");
    List<ProtocolManifest.Row> rows = manifest.rows().stream()
        .filter(r -> all || !only.isEmpty() || r.maxSeconds() <= CI_MAX_SECONDS)
        .filter(r -> only.isEmpty() || r.model().contains(only))
        .toList();
    assertTrue(rows.size() >= (only.isEmpty() ? 20 : 1), "expected manifest rows to run, found " + rows.size());
    FrontEnd frontEnd = new FrontEnd();
    return rows.stream().map(row -> DynamicTest.dynamicTest(row.label(), () -> check(frontEnd, row)));
  }

  private static void check(FrontEnd frontEnd, ProtocolManifest.Row row) throws Exception {
    Path model = PROTOCOLS.resolve(row.model());
    LoadResult load = frontEnd.load(model);
    assertFalse(load.hasErrors(), () -> row.label() + ": " + load.diagnostics());
    CheckOptions options = new CheckOptions(2, 0, row.deadlock(), 0, 1, 0).withSymmetry(row.symmetry());
    Result r = Checker.check(load.model(), options, ProgressListener.NONE, w -> {});
    String at = "manifest.tsv:" + row.line() + " " + row.label();
    if (row.holds()) {
      assertEquals(Verdict.HOLDS, r.verdict(), () -> at + ": " + r.violations());
      assertEquals(row.states(), r.states(), at + ": states");
      assertEquals(row.depth(), r.depth(), at + ": depth");
    } else {
      assertEquals(Verdict.VIOLATED, r.verdict(), at);
      Violation v = r.violations().get(0);
      assertEquals(ViolationKind.INVARIANT, v.kind(), at + ": " + v.message());
      assertEquals(row.property(), v.property(), at + ": violated property");
      assertEquals(row.traceSteps(), v.trace().size(), at + ": counterexample length");
      // the trace is concrete: replayed rule by rule, with the printed (original) process ids
      TraceReplay.replay(new Interpreter(load.model()), v.trace(), at);
    }
    assertTrue(r.seconds() <= row.maxSeconds(), at + ": took " + r.seconds() + " s");
  }

  /** Each extension twin has at most 60% of its plain twin's lines of model code (scripts/model-lines.py). */
  @Test
  void extensionTwinsAreAtMostSixtyPercentOfTheirPlainTwins() throws IOException {
    List<Path> twins;
    try (Stream<Path> s = Files.walk(PROTOCOLS.resolve("models"))) {
      twins = s.filter(p -> p.getFileName().toString().endsWith("-ext.m")).sorted().toList();
    }
    assertTrue(twins.size() >= 10, "expected the extension twins, found " + twins.size());
    for (Path twin : twins) {
      Path plain = twin.resolveSibling(twin.getFileName().toString().replace("-ext.m", ".m"));
      int p = codeLines(Files.readString(plain));
      int t = codeLines(Files.readString(twin));
      assertTrue(t <= 0.6 * p, twin + ": " + t + " lines of model code, plain twin " + p);
    }
  }

  private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

  /** Lines that are neither blank nor only comments, as scripts/model-lines.py counts them. */
  static int codeLines(String text) {
    String noBlocks = BLOCK_COMMENT.matcher(text).replaceAll(m -> "\n".repeat((int) m.group().chars().filter(c -> c == '\n').count()));
    int n = 0;
    for (String line : noBlocks.split("\n", -1)) {
      if (!line.replaceAll("--.*", "").isBlank()) {
        n++;
      }
    }
    return n;
  }
}
