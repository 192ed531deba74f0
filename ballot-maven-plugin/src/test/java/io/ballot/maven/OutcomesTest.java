package io.ballot.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build-failure message the plugin makes from ballot's JSON report. */
class OutcomesTest {

  @Test
  void namesEveryModelThatDidNotMeetItsExpectation(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("ballot.json");
    Files.writeString(json, """
        {"version": "x", "formatVersion": 1, "passed": false, "seconds": 1, "models": [
          {"model": "a.m", "expect": "holds", "status": "met", "outcome": "all properties hold"},
          {"model": "b.m", "expect": "holds", "status": "not-met",
           "outcome": "invariant \\"inv\\" violated at b.m:9:1"},
          {"model": "c.m", "expect": "violates p", "status": "rejected", "outcome": "rejected: c.m:1:5: error: x"}]}
        """);
    String n = System.lineSeparator();
    assertEquals("ballot: exit code 15 (a model did not meet its expectation)" + n
        + "  b.m: expected holds, got invariant \"inv\" violated at b.m:9:1" + n
        + "  c.m: expected violates p, got rejected: c.m:1:5: error: x",
        CheckMojo.Outcomes.failureMessage(json, 15));
  }

  @Test
  void withoutAReportTheExitCodeIsExplained(@TempDir Path dir) {
    assertEquals("ballot: exit code 2 (bad project file or options; see the message above)",
        CheckMojo.Outcomes.failureMessage(dir.resolve("none.json"), 2));
  }
}
