package io.ballot.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.CoverCount;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.RuleCount;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.VariableValue;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.checker.result.ViolationKind;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON report, on hand-made results. */
class JsonReporterTest {

  /** The report of {@code r}, checked against docs/schema/result.schema.json. */
  private static JsonNode json(Result r) throws Exception {
    StringWriter s = new StringWriter();
    new JsonReporter("9.9.9").write(r, "m.m", s);
    JsonNode json = new ObjectMapper().readTree(s.toString());
    assertEquals("", Schemas.problems(Schemas.result(), json));
    return json;
  }

  @Test
  void ruleCountsStepLocationsAndFormatVersion() throws Exception {
    SourceLocation rule = new SourceLocation("m.m", 4, 3, 6, 7);
    Violation v = new Violation(ViolationKind.INVARIANT, "inv", new SourceLocation("m.m", 9, 1, 9, 20), "failed",
        List.of(new TraceStep("go", List.of("p: 0"), List.of(new VariableValue("x", "1")), rule)));
    JsonNode root = json(new Result(Verdict.VIOLATED, 3, 2, 1, 0.1, List.of(v), List.of(), null,
        List.of(new RuleCount("go", rule, 2, 2), new RuleCount("never", new SourceLocation("m.m", 7, 3, 8, 1), 1, 0)),
        false));
    assertEquals(JsonReporter.FORMAT_VERSION, root.get("formatVersion").asInt());
    assertEquals("m.m:4:3", root.get("violations").get(0).get("trace").get(0).get("location").asText());
    assertEquals("never", root.get("rules").get(1).get("rule").asText());
    assertEquals(0, root.get("deadRules").size(), "not complete: no rule is dead yet");
    JsonNode complete = json(new Result(Verdict.HOLDS, 3, 2, 1, 0.1, List.of(), List.of(), null,
        List.of(new RuleCount("go", rule, 2, 2), new RuleCount("never", new SourceLocation("m.m", 7, 3, 8, 1), 1, 0)),
        true));
    assertEquals("never", complete.get("deadRules").get(0).asText());
  }

  @Test
  void incomplete() throws Exception {
    JsonNode root =
        json(new Result(Verdict.INCOMPLETE, 7, 8, 2, 1.5, List.of(),
            List.of(new CoverCount("c", SourceLocation.NONE, 0)), "time limit reached (1.0 s)"));
    assertEquals("9.9.9", root.get("version").asText());
    assertEquals("m.m", root.get("model").asText());
    assertEquals("incomplete", root.get("verdict").asText());
    assertEquals("time limit reached (1.0 s)", root.get("stopReason").asText());
    assertEquals(1.5, root.get("seconds").asDouble());
    assertTrue(root.get("covers").get(0).get("location").isNull());
    assertEquals(0, root.get("covers").get(0).get("hits").asLong());
  }

  @Test
  void deadlockWithoutLocationAndParameters() throws Exception {
    List<VariableValue> state = List.of(new VariableValue("a[1].f", "true"), new VariableValue("b", "undefined"));
    Violation dead =
        new Violation(ViolationKind.DEADLOCK, "deadlock", null, "deadlock: stuck",
            List.of(new TraceStep("Startstate 1", List.of(), state), new TraceStep("go", List.of("p: 1", "q: a"),
                state)));
    JsonNode root = json(new Result(Verdict.VIOLATED, 2, 1, 1, 0, List.of(dead), List.of(), null));
    JsonNode v = root.get("violations").get(0);
    assertEquals("deadlock", v.get("kind").asText());
    assertTrue(v.get("location").isNull());
    assertEquals("p: 1", v.get("trace").get(1).get("parameters").get(0).asText());
    assertEquals("q: a", v.get("trace").get(1).get("parameters").get(1).asText());
    assertEquals("undefined", v.get("trace").get(1).get("state").get("b").asText());
    assertEquals("a[1].f", v.get("trace").get(1).get("state").fieldNames().next());
  }

  @Test
  void stepsCarryTheirRulesSourceSpan() throws Exception {
    List<VariableValue> state = List.of(new VariableValue("x", "0"));
    SourceLocation rule = new SourceLocation("m.m", 7, 3, 12, 7);
    SourceLocation inv = new SourceLocation("m.m", 20, 1, 21, 9);
    Violation v =
        new Violation(ViolationKind.INVARIANT, "inv", inv, "invariant \"inv\" failed",
            List.of(new TraceStep("Startstate 1", List.of(), state), new TraceStep("go", List.of(), state, rule)));
    JsonNode root = json(new Result(Verdict.VIOLATED, 2, 1, 1, 0, List.of(v), List.of(), null));
    JsonNode viol = root.get("violations").get(0);
    assertEquals("[20,21]", viol.get("lines").toString());
    JsonNode start = viol.get("trace").get(0);
    assertTrue(start.get("location").isNull());
    assertTrue(!start.has("lines"));
    JsonNode go = viol.get("trace").get(1);
    assertEquals("m.m:7:3", go.get("location").asText());
    assertEquals("[7,12]", go.get("lines").toString());
    assertTrue(!root.has("modelInfo"), "no model given, no modelInfo");
  }
}
