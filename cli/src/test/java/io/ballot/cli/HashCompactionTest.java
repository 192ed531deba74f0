package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.checker.symmetry.SymmetryReduction;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --hash-compaction}: at 64 bits (where a miss is all but impossible on these models) the counts, depth,
 * rule counts and verdict equal the exact search's, on one thread and on several with every level split among them
 * (so that the signature table is grown by recomputing dropped states, and the parallel parent choice runs over the
 * per-level index); a counterexample is the exact search's, step for step, though its states were dropped and had
 * to be recomputed; the verdict is qualified wherever it is shown; bad option values and liveness are refused.
 */
class HashCompactionTest {
  private final FrontEnd frontEnd = new FrontEnd();

  @Test
  void libraryModelsGiveTheExactCountsAndVerdicts() {
    for (String m : List.of("two-phase/TwoPhase.m", "tcommit/TCommit.m", "paxos-commit/PaxosCommit.m")) {
      assertSameAsExact(Path.of("../protocols/models", m));
    }
  }

  @Test
  void corpusModelsGiveTheExactCountsAndVerdicts() {
    Path corpus = CorpusModel.requireCorpus("hash compaction test");
    for (String m : List.of("fox-goose-beans.m", "multiple-deadlocks.m", "bfs-vs-dfs.m", "multiple-errors.m",
        "scalarset-cex.m", "ruleset-trace2.m")) {
      assertSameAsExact(corpus.resolve(m));
    }
  }

  @Test
  void libraryBugVariantsGiveTheExactCounterexample() {
    for (String m : List.of(
        "paxos-commit/PaxosCommit-bug-accept-lower-ballot.m",
        "raft/Raft-bug-vote-twice.m",
        "two-phase/TwoPhase-bug-commit-on-timeout.m")) {
      Result exact = assertSameAsExact(Path.of("../protocols/models", m));
      assertEquals(Verdict.VIOLATED, exact.verdict(), m);
    }
  }

  /** Checks {@code file} exactly and compacted (1 and 2 threads) and compares everything but the time. */
  private Result assertSameAsExact(Path file) {
    LoadResult load = frontEnd.load(file);
    assertNotNull(load.model(), () -> file + ": " + load.diagnostics());
    TransitionSystem ts = Checker.transitions(load.model(), CheckOptions.Engine.COMPILED).system();
    CheckOptions.Symmetry symmetry = SymmetryReduction.unsoundLiveness(load.model()) == null
        ? CheckOptions.Symmetry.HEURISTIC
        : CheckOptions.Symmetry.OFF;
    CheckOptions base = new CheckOptions(1, 0, CheckOptions.DeadlockMode.STUTTERING, 0, 3, 0).withSymmetry(symmetry)
        .withSingleThreadUntil(0);
    if (file.toString().contains("protocols")) {
      base = new CheckOptions(1, 0, deadlockOf(load.source()), 0, 1, 0).withSymmetry(symmetry)
          .withSingleThreadUntil(0);
    }
    boolean liveness = load.model().properties().stream()
        .anyMatch(p -> p.kind() == io.ballot.checker.ir.PropertyKind.LIVENESS);
    Result exact = new BfsExplorer(ts, base, ProgressListener.NONE).run();
    if (liveness) {
      return exact; // refused under compaction (tested below)
    }
    for (int threads : new int[] {1, 2}) {
      Result compacted = new BfsExplorer(ts, base.withThreads(threads).withHashCompaction(64), ProgressListener.NONE)
          .run();
      String what = file + " on " + threads + " threads";
      assertEquals(exact.verdict(), compacted.verdict(), what);
      assertEquals(exact.states(), compacted.states(), what);
      assertEquals(exact.rulesFired(), compacted.rulesFired(), what);
      assertEquals(exact.depth(), compacted.depth(), what);
      assertEquals(exact.rules(), compacted.rules(), what);
      assertEquals(exact.covers(), compacted.covers(), what);
      assertEquals(printed(exact), printed(compacted), what);
      assertEquals(64, compacted.storage().hashBits(), what);
      assertTrue(compacted.storage().omissionBound() < 1e-9, what + ": " + compacted.storage().omissionBound());
      assertEquals(exact.verdict() == Verdict.HOLDS, compacted.probabilistic(), what);
    }
    return exact;
  }

  private static CheckOptions.DeadlockMode deadlockOf(String source) {
    return source.contains("deadlock-detection off") ? CheckOptions.DeadlockMode.OFF
        : source.contains("deadlock-detection stuck") ? CheckOptions.DeadlockMode.STUCK
        : CheckOptions.DeadlockMode.STUTTERING;
  }

  private static String printed(Result r) {
    StringWriter text = new StringWriter();
    TextReporter reporter = new TextReporter(new PrintWriter(text), TraceMode.FULL);
    for (Violation v : r.violations()) {
      reporter.printViolation(v);
    }
    return text.toString();
  }

  private static final String COUNTER = """
      var x : 0..200;
      var y : 0..200;
      startstate begin x := 0; y := 0; end;
      rule "x" x < 200 ==> begin x := x + 1; end;
      rule "y" y < 200 ==> begin y := y + 1; end;
      invariant "small" x + y <= 400;
      """;

  @Test
  void theVerdictIsQualifiedInEveryReport(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("counter.m");
    Files.writeString(model, COUNTER);
    Path json = dir.resolve("r.json");
    Path junit = dir.resolve("r.xml");
    Path sarif = dir.resolve("r.sarif");
    Cli r = Cli.run("check", "--deadlock-detection", "off", "--hash-compaction", "40", "--json", json.toString(),
        "--junit", junit.toString(), "--sarif", sarif.toString(), model.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("hash compaction 40 bits"), r.out());
    assertTrue(r.out().contains("Result: all properties hold, probabilistically (P(miss) <= "), r.out());
    assertTrue(r.out().contains("States: 40401 "), r.out());
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertEquals("holds", report.get("verdict").asText());
    assertEquals(40, report.get("hashCompaction").get("bits").asInt());
    double bound = report.get("hashCompaction").get("omissionBound").asDouble();
    assertTrue(bound > 0 && bound < 1e-5, "bound " + bound);
    assertTrue(report.get("hashCompaction").get("verdict").asText()
        .startsWith("holds, probabilistically (P(miss) <= "), report.toString());
    assertTrue(Files.readString(junit).contains("probabilistically (P(miss) &lt;= "), Files.readString(junit));
    assertTrue(Files.readString(sarif).contains("probabilistic-verdict"), Files.readString(sarif));
    assertTrue(Files.readString(sarif).contains("probabilistically (P(miss) <= "), Files.readString(sarif));

    Cli exact = Cli.run("check", "--deadlock-detection", "off", model.toString());
    assertTrue(exact.out().contains("Result: all properties hold.\n"), exact.out());
    assertFalse(exact.out().contains("probabilistically"), exact.out());
  }

  @Test
  void theGateSummaryQualifiesTheVerdict(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("counter.m"), COUNTER);
    Files.writeString(dir.resolve("ballot.yaml"), """
        models:
          - model: counter.m
            expect: holds
            deadlock-detection: off
            hash-compaction: 32
        """);
    Cli r = Cli.run("check", dir.resolve("ballot.yaml").toString());
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("got all properties hold, probabilistically (P(miss) <= "), r.out());
  }

  @Test
  void badBitCountsAreUsageErrors(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("counter.m");
    Files.writeString(model, COUNTER);
    for (String bad : List.of("23", "65", "abc", "-1", "40.5")) {
      Cli r = Cli.run("check", "--hash-compaction", bad, model.toString());
      assertEquals(2, r.exitCode(), bad + ": " + r.err());
      assertTrue(r.err().contains("invalid value for --hash-compaction: '" + bad + "'"), r.err());
      assertTrue(r.err().contains("from 24 to 64"), r.err());
    }
  }

  @Test
  void livenessIsRefusedWithItsPlace(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("live.m");
    Files.writeString(model, """
        var x : 0..3;
        startstate begin x := 0; end;
        rule "step" begin x := (x + 1) % 4; end;
        liveness "returns" x = 0;
        """);
    Cli r = Cli.run("check", "--hash-compaction", "40", model.toString());
    assertEquals(2, r.exitCode(), r.out() + r.err());
    assertTrue(r.err().contains("live.m:4:1: --hash-compaction cannot check liveness property \"returns\""),
        r.err());
  }

  /** An embedding caller (the language server, the Maven plugin) that skips the CLI's refusal gets a reason. */
  @Test
  void anEmbeddedSearchWithLivenessStopsWithAReason(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("live.m");
    Files.writeString(model, """
        var x : 0..3;
        startstate begin x := 0; end;
        rule "step" begin x := (x + 1) % 4; end;
        liveness "returns" x = 0;
        """);
    LoadResult load = frontEnd.load(model);
    CheckOptions options = new CheckOptions(1, 0, CheckOptions.DeadlockMode.OFF, 0, 1, 0).withHashCompaction(40);
    Result r = Checker.check(load.model(), options, ProgressListener.NONE);
    assertEquals(Verdict.INCOMPLETE, r.verdict());
    assertTrue(r.stopReason().startsWith("liveness not checked: hash compaction keeps no graph"), r.stopReason());
  }

  @Test
  void theStartLineNamesTheLimitAndWhereItComesFrom(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("counter.m");
    Files.writeString(model, COUNTER);
    Cli given = Cli.run("check", "--deadlock-detection", "off", "--memory", "64M", model.toString());
    assertTrue(given.out().startsWith("Checking " + model + " with "), given.out());
    assertTrue(given.out().contains(", memory 64 MiB (--memory)..."), given.out());
    Cli byDefault = Cli.run("check", "--deadlock-detection", "off", model.toString());
    assertTrue(byDefault.out().contains(" (70% of the free JVM heap; heap "), byDefault.out());
  }

  @Test
  void aTinyLimitStopsTheCompactedSearchCleanly(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("counter.m");
    Files.writeString(model, COUNTER);
    Path json = dir.resolve("r.json");
    Cli r = Cli.run("check", "--deadlock-detection", "off", "--memory", "200K", "--hash-compaction", "40",
        "--json", json.toString(), model.toString());
    assertEquals(4, r.exitCode(), r.out() + r.err());
    assertTrue(r.err().contains("memory limit reached (0.20 MiB, the --memory limit"), r.err());
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertEquals(200 << 10, report.get("memory").get("limitBytes").asLong());
    assertEquals("--memory", report.get("memory").get("limitSource").asText());
    long peak = report.get("memory").get("peakBytes").asLong();
    assertTrue(peak > 0 && peak <= 200 << 10, "peak " + peak);
  }
}
