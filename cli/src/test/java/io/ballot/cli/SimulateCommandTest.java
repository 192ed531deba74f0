package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import io.ballot.cli.report.Schemas;
import org.junit.jupiter.api.io.TempDir;

/** {@code ballot simulate} on the command line: its exit codes, text, reports and option checks. */
class SimulateCommandTest {
  private static final String BUG = "../protocols/models/two-phase/TwoPhase-bug-commit-on-timeout.m";
  private static final String OK = "../protocols/models/two-phase/TwoPhase.m";

  @Test
  void violationIsReportedAsCheckReportsIt(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("r.json");
    Path junit = dir.resolve("r.xml");
    Cli r = Cli.run("simulate", BUG, "--json", json.toString(), "--junit", junit.toString(), "--html",
        dir.resolve("r.html").toString());
    assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("Simulating " + BUG.substring(3)) || r.out().startsWith("Simulating "), r.out());
    assertTrue(r.out().contains("Violation: invariant \"TCConsistent\""), r.out());
    assertTrue(r.out().contains("End of the counterexample (4 steps)."), r.out());
    assertTrue(r.out().contains("Result: invariant \"TCConsistent\" violated (a walk of 3 firings, shortened to 3)."),
        r.out());
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertEquals("", Schemas.problems(Schemas.result(), report), "docs/schema/result.schema.json");
    assertEquals("violated", report.get("verdict").asText());
    assertEquals(64, report.get("simulation").get("walks").asLong());
    assertEquals(1, report.get("simulation").get("seed").asLong());
    assertEquals(4, report.get("violations").get(0).get("trace").size());
    assertTrue(Files.readString(junit).contains("TCConsistent"));
    assertTrue(Files.size(dir.resolve("r.html")) > 1000);
  }

  /** A deadlock and a failed assert exit as check's do, each walk shortened to check's shortest trace. */
  @Test
  void deadlocksAndAssertionsExitAsInCheck(@TempDir Path dir) throws Exception {
    Path stuck = dir.resolve("stuck.m");
    Files.writeString(stuck, "var x: 0..5;\nstartstate begin x := 0; end;\n"
        + "rule \"inc\" x < 3 ==> begin x := x + 1; end;\n");
    Cli r = Cli.run("simulate", stuck.toString(), "--walks", "5");
    assertEquals(ExitCodes.DEADLOCK, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("End of the counterexample (4 steps)."), r.out());
    Path asserts = dir.resolve("asserts.m");
    Files.writeString(asserts, "var x: 0..5;\nstartstate begin x := 0; end;\n"
        + "rule \"inc\" x < 5 ==> begin x := x + 1; assert x != 4 \"x reached 4\"; end;\n"
        + "rule \"dec\" x > 0 ==> begin x := x - 1; end;\n");
    r = Cli.run("simulate", asserts.toString(), "--seed", "11");
    assertEquals(ExitCodes.ASSERTION_FAILED, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("x reached 4"), r.out());
    // the shortest violating walk of the round, as short as it can be: the start state, then three incs
    assertTrue(r.out().contains("End of the counterexample (4 steps)."), r.out());
    // two firings cannot reach it
    assertEquals(ExitCodes.RESOURCE_LIMIT, Cli.run("simulate", asserts.toString(), "--depth", "2").exitCode());
  }

  @Test
  void noViolationIsNotAProof() {
    Cli r = Cli.run("simulate", OK, "--walks", "200", "--depth", "50", "--seed", "3", "-t", "1");
    assertEquals(ExitCodes.RESOURCE_LIMIT, r.exitCode(), r.err());
    assertTrue(r.out().contains("Result: no violation found in 200 walks of depth 50 (not a proof)."), r.out());
    assertTrue(r.out().contains("Distinct states: about "), r.out());
    assertTrue(r.err().contains("ballot: stopped: no violation found in 200 walks"), r.err());
  }

  @Test
  void timeLimitStopsTheWalks() {
    long start = System.nanoTime();
    Cli r = Cli.run("simulate", "../protocols/models/raft/Raft.m", "--walks", "1000000000000", "--time-limit", "1");
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(ExitCodes.RESOURCE_LIMIT, r.exitCode(), r.err());
    assertTrue(r.out().contains("Result: time limit reached (1.0 s) after "), r.out());
    assertTrue(seconds < 60, "took " + seconds + " s");
  }

  @Test
  void badOptionsAreUsageErrors() {
    String[][] cases = {
      {"--walks", "0", "invalid value for --walks: '0' (expected an integer from 1 to 1000000000000)"},
      {"--depth", "10000001", "invalid value for --depth: '10000001' (expected an integer from 1 to 10000000)"},
      {"--seed", "-1", "invalid value for --seed: '-1'"},
      {"--seed", "99999999999999999999", "invalid value for --seed: '99999999999999999999'"},
      {"--threads", "257", "invalid value for --threads: '257' (expected an integer from 0 to 256)"},
      {"--time-limit", "1e3", "invalid value for --time-limit: '1e3'"},
      {"--deadlock-detection", "never", "invalid value for --deadlock-detection: 'never'"},
      {"--counterexample-trace", "some", "invalid value for --counterexample-trace: 'some'"},
      {"--json", BUG, "refusing to write the --json report to " + BUG},
    };
    for (String[] c : cases) {
      Cli r = Cli.run("simulate", BUG, c[0], c[1]);
      assertEquals(ExitCodes.USAGE, r.exitCode(), c[0] + " " + c[1] + ": " + r.err());
      assertTrue(r.err().contains(c[2]), c[0] + " " + c[1] + ": " + r.err());
    }
  }
}
