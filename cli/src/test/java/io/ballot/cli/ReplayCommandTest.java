package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ballot replay}: verdicts, located rejections, the mapping file, several logs, exit codes. */
class ReplayCommandTest {
  private static final Path TERMS = Path.of("src", "test", "resources", "replay", "terms.m");
  private static final Path PING_PONG = Path.of("src", "test", "resources", "replay", "ping-pong.m");

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void aLogTheModelProducesIsAccepted() throws IOException {
    Path log = write("ok.jsonl", """
        {"rule":"timeout","params":{"n":"Node_1"},"state":{"term[Node_1]":1}}

        {"rule":"timeout"}
        {"rule":"elect","state":{"leader[Node_2]":true}}
        """);
    Cli r = Cli.run("replay", TERMS.toString(), log.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
    assertTrue(r.out().startsWith("Accepted: some execution of the model produces the log (3 events"), r.toString());
  }

  @Test
  void aRejectedLogNamesTheEventTheFalseConjunctAndThePrefix() throws IOException {
    Path log = write("bad.jsonl", """
        {"rule":"timeout","params":{"n":"Node_1"}}
        {"rule":"elect","params":{"n":"Node_2"}}
        """);
    Path json = dir.resolve("r.json");
    Cli r = Cli.run("replay", "--json", json.toString(), TERMS.toString(), log.toString());
    assertEquals(ExitCodes.REPLAY_REJECTED, r.exitCode(), r.toString());
    assertTrue(r.out().startsWith(log + ":2: error: no execution of the model produces this event after the 1 event"
        + " before it: elect(n: Node_2)"), r.toString());
    assertTrue(r.out().contains("why: the guard's conjunct at 8:16 is false in 1 of them: `term[n] > 0`"),
        r.toString());
    assertTrue(r.out().contains("Step 2: timeout, n: Node_1   (" + log + ":1)"), r.toString());
    JsonNode j = new ObjectMapper().readTree(json.toFile());
    assertEquals("rejected", j.get("verdict").asText());
    assertEquals(2, j.get("rejection").get("line").asInt());
    assertEquals(1, j.get("acceptedEvents").asInt());
    assertEquals(2, j.get("trace").size());
    assertEquals(log + ":1", j.get("trace").get(1).get("log").asText());
  }

  @Test
  void sarifPointsAtTheLogLineAndTheModel() throws IOException {
    Path log = write("bad.jsonl", """
        {"rule":"timeout","params":{"n":"Node_1"}}
        {"rule":"elect","params":{"n":"Node_2"}}
        """);
    Path sarif = dir.resolve("r.sarif");
    Cli r = Cli.run("replay", "--sarif", sarif.toString(), TERMS.toString(), log.toString());
    assertEquals(ExitCodes.REPLAY_REJECTED, r.exitCode(), r.toString());
    JsonNode j = new ObjectMapper().readTree(sarif.toFile());
    assertEquals("", io.ballot.cli.report.Schemas.problems(io.ballot.cli.report.Schemas.sarif(), j));
    JsonNode result = j.get("runs").get(0).get("results").get(0);
    assertEquals("replay-rejected", result.get("ruleId").asText());
    JsonNode at = result.get("locations").get(0).get("physicalLocation");
    assertTrue(at.get("artifactLocation").get("uri").asText().endsWith("bad.jsonl"), at.toString());
    assertEquals(2, at.get("region").get("startLine").asInt());
    JsonNode related = result.get("relatedLocations");
    assertEquals(2, related.size(), related.toString());
    assertEquals(8, related.get(1).get("physicalLocation").get("region").get("startLine").asInt());
    assertTrue(related.get(1).get("physicalLocation").get("artifactLocation").get("uri").asText()
        .endsWith("terms.m"));
    assertEquals(2, result.get("codeFlows").get(0).get("threadFlows").get(0).get("locations").size());
  }

  @Test
  void theViewerShowsThePrefixBesideItsLogLines() throws IOException {
    Path log = write("bad.jsonl", """
        {"rule":"timeout","params":{"n":"Node_1"}}
        {"rule":"elect","params":{"n":"Node_2"}}
        """);
    Path html = dir.resolve("r.html");
    Cli r = Cli.run("replay", "--html", html.toString(), TERMS.toString(), log.toString());
    assertEquals(ExitCodes.REPLAY_REJECTED, r.exitCode(), r.toString());
    String page = Files.readString(html);
    assertTrue(page.contains("\"log\":\"" + log + ":1\""), "step 2 names its log line");
    assertTrue(page.contains("is allowed by no state consistent with the log"), "the rejection, under the last step");
  }

  @Test
  void aWrongLoggedValueSaysWhatTheModelAllows() throws IOException {
    Path log = write("v.jsonl", "{\"rule\":\"timeout\",\"params\":{\"n\":\"Node_1\"},\"state\":{\"term[Node_1]\":2}}\n");
    Cli r = Cli.run("replay", TERMS.toString(), log.toString());
    assertEquals(ExitCodes.REPLAY_REJECTED, r.exitCode(), r.toString());
    assertTrue(r.out().contains("the log says term[Node_1] = 2 where the model allows only 1"), r.toString());
  }

  @Test
  void malformedLinesUnknownNamesAndValuesAreLocatedErrors() throws IOException {
    String[][] cases = {
      {"{\"rule\":\"timeot\"}", ":1:1: error: the model has no rule 'timeot' (did you mean 'timeout'?)"},
      {"{\"rule\":\"timeout\",\"params\":{\"n\":\"Node_3\"}}", ":1:29: error: 'Node_3' is not a value of parameter n"},
      {"{\"rule\":\"timeout\",\"params\":{\"m\":\"Node_1\"}}", ":1:29: error: rule 'timeout' has no parameter 'm'"},
      {"{\"rule\":\"timeout\"", ":1:18: error: not JSON: Unexpected end-of-input"},
      {"[1]", ":1:1: error: a log line must be a JSON object"},
      {"{\"state\":{\"trem[Node_1]\":1}}", "error: the model's state has no 'trem[Node_1]'"},
      {"{\"hello\":1}", ":1:1: error: a log line needs one of"},
    };
    for (String[] c : cases) {
      Path log = write("e.jsonl", "{\"rule\":\"timeout\"}\n" + c[0] + "\n");
      Cli r = Cli.run("replay", TERMS.toString(), log.toString());
      assertEquals(ExitCodes.LOG_INVALID, r.exitCode(), c[0] + "\n" + r);
      assertTrue(r.err().startsWith(log + c[1].replace(":1:", ":2:")) || r.err().contains(c[1]),
          c[0] + "\n" + r);
      assertFalse(r.err().contains("Exception"), r.toString());
    }
  }

  @Test
  void aMappingReadsTheSystemsOwnNames() throws IOException {
    Path mapping = write("map.yaml", """
        event-key: type
        clock-key: ts
        events:
          TermBumped: {rule: timeout, fields: {node: n}}
          Elected: {rule: elect, fields: {node: n}}
        values: {a: Node_1, b: Node_2}
        variables: {currentTerm: term}
        """);
    Path log = write("sys.jsonl", """
        {"type":"TermBumped","node":"a","ts":5,"why":"timer","state":{"currentTerm[a]":1}}
        {"type":"Elected","node":"a","ts":7}
        """);
    Cli r = Cli.run("replay", "--mapping", mapping.toString(), TERMS.toString(), log.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
    Path bad = write("bad.yaml", "events:\n  X: {rule: timeout, feilds: {}}\n");
    r = Cli.run("replay", "--mapping", bad.toString(), TERMS.toString(), log.toString());
    assertEquals(ExitCodes.LOG_INVALID, r.exitCode(), r.toString());
    assertTrue(r.err().startsWith(bad + ":2:"), r.toString());
    assertTrue(r.err().contains("unknown key 'feilds' in an event (did you mean 'fields'?)"), r.toString());
  }

  @Test
  void oneSystemEventMayStandForSeveralRulesAndMapItsOwnValues() throws IOException {
    // "Progress" is either rule; node "x" is Node_2 on Progress lines only, Node_1 elsewhere
    Path mapping = write("multi.yaml", """
        events:
          Progress: {rule: [timeout, elect], fields: {node: n}, values: {x: Node_2}}
        values: {x: Node_1}
        """);
    Path log = write("multi.jsonl", """
        {"event":"Progress","node":"x","state":{"term[x]":1}}
        {"event":"Progress","node":"x","state":{"leader[x]":true}}
        {"state":{"term[x]":0}}
        """);
    Cli r = Cli.run("replay", "--mapping", mapping.toString(), TERMS.toString(), log.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
    // the same log with the global value: Node_1 has term 1, so the last line is false
    Path global = write("global.yaml", "events:\n  Progress: {rule: [timeout, elect], fields: {node: n}}\n"
        + "values: {x: Node_1}\n");
    r = Cli.run("replay", "--mapping", global.toString(), TERMS.toString(), log.toString());
    assertEquals(ExitCodes.REPLAY_REJECTED, r.exitCode(), r.toString());
    assertTrue(r.out().startsWith(log + ":3: error:"), r.toString());
    // a Progress that is neither rule's step: elect before any timeout
    Path bad = write("bad-multi.jsonl", "{\"event\":\"Progress\",\"node\":\"x\",\"state\":{\"leader[x]\":true}}\n");
    r = Cli.run("replay", "--mapping", mapping.toString(), TERMS.toString(), bad.toString());
    assertEquals(ExitCodes.REPLAY_REJECTED, r.exitCode(), r.toString());
    assertTrue(r.out().contains("timeout or elect(n: Node_2)"), r.toString());
    Path unknown = write("unknown.yaml", "events:\n  Progress: {rule: [timeout, elekt]}\n");
    r = Cli.run("replay", "--mapping", unknown.toString(), TERMS.toString(),
        write("plain.jsonl", "{\"event\":\"Progress\"}\n").toString());
    assertEquals(ExitCodes.LOG_INVALID, r.exitCode(), r.toString());
    assertTrue(r.err().contains("the model has no rule 'elekt'"), r.toString());
  }

  @Test
  void perProcessLogsAreAcceptedInTheOnlyInterleavingThatWorks() throws IOException {
    Path one = write("p1.jsonl", "{\"rule\":\"send ping\"}\n{\"rule\":\"recv pong\"}\n");
    Path two = write("p2.jsonl", "{\"rule\":\"recv ping\"}\n{\"rule\":\"send pong\"}\n");
    Cli r = Cli.run("replay", PING_PONG.toString(), one.toString(), two.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
    Path concatenated = write("all.jsonl", Files.readString(one) + Files.readString(two));
    r = Cli.run("replay", PING_PONG.toString(), concatenated.toString());
    assertEquals(ExitCodes.REPLAY_REJECTED, r.exitCode(), r.toString());
    assertTrue(r.out().startsWith(concatenated + ":2: error:"), r.toString());
  }

  @Test
  void clocksPruneInterleavings() throws IOException {
    Path one = write("p1.jsonl", "{\"rule\":\"send ping\",\"clock\":1}\n{\"rule\":\"recv pong\",\"clock\":4}\n");
    Path two = write("p2.jsonl", "{\"rule\":\"recv ping\",\"clock\":2}\n{\"rule\":\"send pong\",\"clock\":3}\n");
    assertEquals(ExitCodes.OK, Cli.run("replay", PING_PONG.toString(), one.toString(), two.toString()).exitCode());
    Path late = write("p2late.jsonl", "{\"rule\":\"recv ping\",\"clock\":5}\n{\"rule\":\"send pong\",\"clock\":6}\n");
    Cli r = Cli.run("replay", PING_PONG.toString(), one.toString(), late.toString());
    assertEquals(ExitCodes.REPLAY_REJECTED, r.exitCode(), "pong received (clock 4) before it was sent (6)\n" + r);
  }

  @Test
  void silentRulesFireBetweenLines() throws IOException {
    Path log = write("s.jsonl", "{\"rule\":\"recv pong\"}\n");
    assertEquals(ExitCodes.REPLAY_REJECTED, Cli.run("replay", PING_PONG.toString(), log.toString()).exitCode());
    Cli r = Cli.run("replay", "--silent", "send ping", "--silent", "recv ping", "--silent", "send pong",
        "--silent-steps", "3", PING_PONG.toString(), log.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
    r = Cli.run("replay", "--silent", "send ping", "--silent", "recv ping", "--silent", "send pong",
        "--silent-steps", "2", PING_PONG.toString(), log.toString());
    assertEquals(ExitCodes.REPLAY_REJECTED, r.exitCode(), "three silent steps are needed\n" + r);
  }

  @Test
  void badOptionsAreUsageErrors() throws IOException {
    Path log = write("ok.jsonl", "{\"rule\":\"timeout\"}\n");
    assertEquals(ExitCodes.USAGE, Cli.run("replay", "--silent-steps", "-1", TERMS.toString(), log.toString())
        .exitCode());
    assertEquals(ExitCodes.USAGE, Cli.run("replay", "--max-frontier", "0", TERMS.toString(), log.toString())
        .exitCode());
    assertEquals(ExitCodes.USAGE, Cli.run("replay", "--silent", "nope", TERMS.toString(), log.toString())
        .exitCode());
    assertEquals(ExitCodes.USAGE, Cli.run("replay", "--symmetry-reduction", "exhaustive", TERMS.toString(),
        log.toString()).exitCode());
    assertEquals(ExitCodes.OK, Cli.run("replay", "--symmetry-reduction", "off", TERMS.toString(),
        log.toString()).exitCode());
    assertEquals(ExitCodes.USAGE, Cli.run("replay", "--json", log.toString(), TERMS.toString(), log.toString())
        .exitCode());
    assertEquals(ExitCodes.LOG_INVALID, Cli.run("replay", TERMS.toString(), dir.resolve("missing").toString())
        .exitCode());
    Cli r = Cli.run("replay", "--sarif", dir.resolve("no-such-dir").resolve("r.sarif").toString(), TERMS.toString(),
        log.toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("cannot write --sarif file"), r.toString());
    assertEquals("", r.out(), "a report that cannot be written is found before the replay: " + r);
  }
}
