package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ballot.cli.report.Schemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * {@code ballot check} over several models, end to end in-process: exit codes of a gated run, bad project files
 * (exit 2 with file:line:col), dead rules (a warning; exit 16 with --fail-on-dead-rules) in every report.
 */
class GateCommandTest {

  /** Rule "never" can never fire: x stays within 0..3. Its line is DEAD_LINE. */
  static final String DEAD = """
      var x: 0..3;
      startstate begin x := 0 end;
      ruleset i: 0..1 do
        rule "inc" x < 3 & i = 0 ==> begin x := x + 1 end;
      end;
      rule "never" x = 3 & x = 0 ==> begin x := 1 end;
      rule "reset" x = 3 ==> begin x := 0 end;
      """;
  static final int DEAD_LINE = 6;

  @TempDir Path dir;

  @BeforeEach
  void models() throws Exception {
    Files.writeString(dir.resolve("counter.m"), CheckCommandTest.COUNTER);
    Files.writeString(dir.resolve("invariant.m"), CheckCommandTest.INVARIANT);
    Files.writeString(dir.resolve("dead.m"), DEAD);
    Files.createDirectories(dir.resolve("lib/sub"));
    Files.writeString(dir.resolve("lib/sub/b.m"), CheckCommandTest.COUNTER);
    Files.writeString(dir.resolve("lib/a.m"), CheckCommandTest.COUNTER);
    Files.writeString(dir.resolve("lib/notes.txt"), "not a model");
  }

  private Path file(String name) {
    return dir.resolve(name);
  }

  @Test
  void severalFilesAndDirectoriesExpectHolds() {
    Cli ok = Cli.run("check", file("counter.m").toString(), file("lib").toString());
    assertEquals(ExitCodes.OK, ok.exitCode(), ok::toString);
    assertTrue(ok.out().contains("Gate: 3 models, 3 as expected, 0 not"), ok::toString);
    int a = ok.out().indexOf("Checking " + file("lib/a.m"));
    int b = ok.out().indexOf("Checking " + file("lib/sub/b.m"));
    assertTrue(a > 0 && b > a, "a directory's models in path order: " + ok);

    Cli bad = Cli.run("check", file("counter.m").toString(), file("invariant.m").toString());
    assertEquals(ExitCodes.EXPECTATION_NOT_MET, bad.exitCode(), bad::toString);
    assertTrue(bad.out().contains("FAIL     " + file("invariant.m") + ": expected holds, got invariant \"small\""
        + " violated at " + file("invariant.m") + ":5:1"), bad::toString);
  }

  @Test
  void aSingleModelKeepsItsOwnExitCode() {
    assertEquals(ExitCodes.INVARIANT_VIOLATED, Cli.run("check", file("invariant.m").toString()).exitCode());
  }

  @Test
  void rejectedAndMissingModelsExit3AndTheOthersStillRun() throws Exception {
    Files.writeString(file("broken.m"), "var x: nosuchtype;\n");
    Cli r = Cli.run("check", file("broken.m").toString(), file("counter.m").toString());
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertTrue(r.err().contains(file("broken.m") + ":1:8: error:"), r::toString);
    assertTrue(r.out().contains("ok       " + file("counter.m")), r::toString);
    assertTrue(r.out().contains("REJECTED " + file("broken.m")), r::toString);
  }

  @Test
  void badProjectFilesExit2WithTheirLocation() throws Exception {
    Files.writeString(file("ballot.yaml"), "models:\n  - model: counter.m\n    expect: holds\n    treads: 2\n");
    Cli unknown = Cli.run("check", file("ballot.yaml").toString());
    assertEquals(ExitCodes.USAGE, unknown.exitCode(), unknown::toString);
    assertEquals("ballot: " + file("ballot.yaml") + ":4:5: error: unknown key 'treads' (did you mean 'threads'?)\n",
        unknown.err());
    assertEquals("", unknown.out(), "nothing is checked");

    Files.writeString(file("ballot.yaml"), "models:\n  - model: gone.m\n    expect: holds\n");
    Cli missing = Cli.run("check", file("ballot.yaml").toString());
    assertEquals(ExitCodes.USAGE, missing.exitCode());
    assertTrue(missing.err().startsWith("ballot: " + file("ballot.yaml") + ":2:12: error: no such model file"),
        missing::toString);

    Files.writeString(file("ballot.yaml"), "models:\n  - model: counter.m\n    expect: violated\n");
    Cli expectation = Cli.run("check", file("ballot.yaml").toString());
    assertEquals(ExitCodes.USAGE, expectation.exitCode());
    assertTrue(expectation.err().contains(":3:13: error: expected 'holds' or 'violates PROPERTY'"),
        expectation::toString);

    Cli absent = Cli.run("check", file("nope.yaml").toString());
    assertEquals(ExitCodes.USAGE, absent.exitCode());
    assertTrue(absent.err().contains(file("nope.yaml") + ":1:1: error: no such project file"), absent::toString);
  }

  @Test
  void aProjectFileWithExpectedViolations() throws Exception {
    Files.writeString(file("ballot.yaml"), """
        models:
          - model: invariant.m
            expect: violates small
          - model: counter.m
            expect: holds
        """);
    Cli r = Cli.run("check", file("ballot.yaml").toString(), "--json", "-");
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertEquals("", Schemas.problems(Schemas.result(), json));
    assertTrue(json.get("passed").asBoolean());
    assertEquals("violates small", json.get("models").get(0).get("expect").asText());
  }

  @Test
  void deadRulesWarnAndFailOnRequestInEveryReport() throws Exception {
    Path junit = file("j.xml");
    Path sarif = file("s.sarif");
    Path json = file("r.json");
    String[] reports = {"--junit", junit.toString(), "--sarif", sarif.toString(), "--json", json.toString()};
    Cli warn = Cli.run(concat(List.of("check", file("dead.m").toString()), reports));
    assertEquals(ExitCodes.OK, warn.exitCode(), warn::toString);
    String warning = "ballot: warning: " + file("dead.m") + ": rule \"never\" (" + file("dead.m") + ":" + DEAD_LINE
        + ":1) never fired in any reachable state\n";
    assertEquals(warning, warn.err(), "one rule is dead; \"inc\" fires for i = 0 only, which is enough");
    JsonNode report = Schemas.read(json);
    assertEquals("", Schemas.problems(Schemas.result(), report));
    assertEquals("never", report.get("deadRules").get(0).asText());
    assertEquals(1, report.get("deadRules").size());
    assertEquals(2, report.get("rules").get(0).get("instances").asInt());
    assertEquals(3, report.get("rules").get(0).get("fires").asLong());
    assertEquals(report.get("rulesFired").asLong(), 3 + 0 + 1);
    JsonNode result = Schemas.read(sarif).get("runs").get(0).get("results").get(0);
    assertEquals("dead-rule", result.get("ruleId").asText());
    assertEquals("warning", result.get("level").asText());
    assertEquals(DEAD_LINE,
        result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
    Element rulesFire = GateAcceptanceTest.testcase(
        (Element) GateAcceptanceTest.parse(junit).getElementsByTagName("testsuite").item(0), "rules fire");
    assertEquals(0, rulesFire.getElementsByTagName("failure").getLength());

    Cli fail = Cli.run(concat(List.of("check", "--fail-on-dead-rules", file("dead.m").toString()), reports));
    assertEquals(ExitCodes.DEAD_RULES, fail.exitCode(), fail::toString);
    assertEquals(warning, fail.err());
    assertEquals("error", Schemas.read(sarif).get("runs").get(0).get("results").get(0).get("level").asText());
    rulesFire = GateAcceptanceTest.testcase(
        (Element) GateAcceptanceTest.parse(junit).getElementsByTagName("testsuite").item(0), "rules fire");
    assertEquals(1, rulesFire.getElementsByTagName("failure").getLength());

    Cli gate = Cli.run("check", "--fail-on-dead-rules", file("dead.m").toString(), file("counter.m").toString());
    assertEquals(ExitCodes.DEAD_RULES, gate.exitCode(), gate::toString);

    Cli one = Cli.run("check", "-t", "1", "--json", json.toString(), file("dead.m").toString());
    assertEquals(ExitCodes.OK, one.exitCode());
    assertEquals(report.get("rules"), Schemas.read(json).get("rules"), "fire counts do not depend on threads");
  }

  @Test
  void noDeadRuleIsReportedFromAnIncompleteSearch() throws Exception {
    Path json = file("r.json");
    Cli r = Cli.run("check", "--json", json.toString(), file("invariant.m").toString());
    assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode());
    assertFalse(r.err().contains("never fired"), r::toString);
    assertFalse(Schemas.read(json).get("complete").asBoolean());
    assertEquals(0, Schemas.read(json).get("deadRules").size());
  }

  @Test
  void rejectedModelsAndDeadlocksInTheReports() throws Exception {
    Files.writeString(file("broken.m"), "var x: boolean;\nvar y: nosuchtype;\n");
    Files.writeString(file("deadlock.m"), CheckCommandTest.DEADLOCK);
    Path junit = file("j.xml");
    Path sarif = file("s.sarif");
    Cli r = Cli.run("check", file("broken.m").toString(), file("deadlock.m").toString(), "--junit", junit.toString(),
        "--sarif", sarif.toString());
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);

    JsonNode log = Schemas.read(sarif);
    assertEquals("", Schemas.problems(Schemas.sarif(), log));
    JsonNode results = log.get("runs").get(0).get("results");
    assertEquals(2, results.size(), results::toString);
    JsonNode rejected = results.get(0);
    assertEquals("model-rejected", rejected.get("ruleId").asText());
    JsonNode at = rejected.get("locations").get(0).get("physicalLocation");
    assertEquals(file("broken.m").toUri().toString(), at.get("artifactLocation").get("uri").asText());
    assertEquals(2, at.get("region").get("startLine").asInt());
    assertEquals(8, at.get("region").get("startColumn").asInt());
    JsonNode deadlock = results.get(1);
    assertEquals("deadlock", deadlock.get("ruleId").asText());
    // no property to point at: the rule that led into the stuck state ("up", line 3)
    assertEquals(3, deadlock.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
    assertEquals(3, deadlock.get("codeFlows").get(0).get("threadFlows").get(0).get("locations").size());

    Element suites = GateAcceptanceTest.parse(junit);
    Element broken = (Element) suites.getElementsByTagName("testsuite").item(0);
    Element error = (Element) GateAcceptanceTest.testcase(broken, "model accepted").getElementsByTagName("error")
        .item(0);
    assertTrue(error.getTextContent().contains(file("broken.m") + ":2:8: error:"), error::getTextContent);
    Element dead = (Element) suites.getElementsByTagName("testsuite").item(1);
    Element failure = (Element) GateAcceptanceTest.testcase(dead, "deadlock freedom").getElementsByTagName("failure")
        .item(0);
    assertEquals("deadlock", failure.getAttribute("message"));
    assertTrue(failure.getTextContent().contains("Step 3: up"), failure::getTextContent);
    assertEquals("2", suites.getAttribute("errors"), "the rejected model: not accepted, expectation not judged");
  }

  @Test
  void coversAndLivenessAreTestCasesToo() throws Exception {
    Files.writeString(file("cover.m"), CheckCommandTest.COVER);
    Files.writeString(file("liveness.m"), CheckCommandTest.LIVENESS);
    Files.writeString(file("ballot.yaml"), """
        models:
          - model: cover.m
            expect: violates "x was true"
          - model: liveness.m
            expect: holds
        """);
    Path junit = file("j.xml");
    Path sarif = file("s.sarif");
    Cli r = Cli.run("check", file("ballot.yaml").toString(), "--junit", junit.toString(), "--sarif",
        sarif.toString());
    assertEquals(ExitCodes.EXPECTATION_NOT_MET, r.exitCode(), r::toString);

    Element suites = GateAcceptanceTest.parse(junit);
    Element cover = (Element) suites.getElementsByTagName("testsuite").item(0);
    // two covers, deadlock freedom, assert/error statements, rules fire, expected outcome
    assertEquals("6", cover.getAttribute("tests"));
    assertEquals("0", cover.getAttribute("failures"), "the cover never hit is expected");
    assertEquals("0", cover.getAttribute("skipped"), "a cover never hit is found after a complete search");
    GateAcceptanceTest.testcase(cover, "cover \"y was true\"");
    Element live = (Element) suites.getElementsByTagName("testsuite").item(1);
    Element failure = (Element) GateAcceptanceTest.testcase(live, "liveness \"x reaches 3\"")
        .getElementsByTagName("failure").item(0);
    assertEquals("liveness property \"x reaches 3\" violated at " + file("liveness.m") + ":5:1",
        failure.getAttribute("message"));
    assertTrue(failure.getTextContent().contains("Step 1: Startstate 1"), failure::getTextContent);
    assertEquals(0, GateAcceptanceTest.testcase(live, "rules fire").getElementsByTagName("failure").getLength());

    JsonNode log = Schemas.read(sarif);
    assertEquals("", Schemas.problems(Schemas.sarif(), log));
    JsonNode results = log.get("runs").get(0).get("results");
    assertEquals("cover", results.get(0).get("ruleId").asText());
    assertEquals("accepted", results.get(0).get("suppressions").get(0).get("status").asText());
    assertEquals(4, results.get(0).get("locations").get(0).get("physicalLocation").get("region").get("startLine")
        .asInt());
    assertEquals("liveness", results.get(1).get("ruleId").asText());
    assertEquals(5, results.get(1).get("locations").get(0).get("physicalLocation").get("region").get("startLine")
        .asInt());
  }

  @Test
  void reportFilesInAMissingDirectoryAreUsageErrors() {
    Cli r = Cli.run("check", "--sarif", file("no/dir/s.sarif").toString(), file("counter.m").toString(),
        file("invariant.m").toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("cannot write --sarif file"), r::toString);
    assertEquals("", r.out());
  }

  private static String[] concat(List<String> head, String[] tail) {
    String[] out = new String[head.size() + tail.length];
    for (int i = 0; i < head.size(); i++) {
      out[i] = head.get(i);
    }
    System.arraycopy(tail, 0, out, head.size(), tail.length);
    return out;
  }
}
