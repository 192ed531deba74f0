package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ballot.dsl.settings.ModelHeader;
import io.ballot.cli.report.Schemas;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The acceptance test of the CI gate: the protocol library's fast models (protocols/ballot.yaml, holding models
 * and bugged variants) as one gated run, and the same models with wrong expectations. The exit code, the JUnit XML
 * (parsed back and counted against the models' sources), the SARIF log (valid against the OASIS schema, every
 * location on the right source line) and the JSON report (valid against docs/schema/result.schema.json, counts
 * and trace lengths as protocols/manifest.tsv says) must all agree.
 */
class GateAcceptanceTest {

  private static final Path PROTOCOLS = Path.of("..", "protocols");
  private static final Pattern INVARIANT = Pattern.compile("(?m)^\\s*invariant\\s+\"");
  private static final Pattern COVER = Pattern.compile("(?m)^\\s*cover\\s+\"");
  private static final Pattern LIVENESS = Pattern.compile("(?m)^\\s*liveness\\s+\"");

  /** A manifest row under heuristic symmetry reduction (the default). */
  record Row(String model, String flags, String verdict, String states, String depth, String property,
      String traceSteps) {}

  private static Map<String, Row> manifest;

  @BeforeAll
  static void readManifest() throws Exception {
    manifest = new HashMap<>();
    for (String line : Files.readAllLines(PROTOCOLS.resolve("manifest.tsv"))) {
      String[] f = line.split("\t");
      if (line.startsWith("#") || f[0].equals("model") || !f[1].equals("heuristic")) {
        continue;
      }
      manifest.put(f[0], new Row(f[0], f[2], f[3], f[4], f[5], f[6], f[7]));
    }
  }

  /** protocols/ballot.yaml's models with their expectation and deadlock mode (as the gate applies it), in order. */
  private static Map<String, String[]> projectModels() throws Exception {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(PROTOCOLS.resolve("ballot.yaml").toFile());
    Map<String, String[]> out = new LinkedHashMap<>();
    for (JsonNode m : root.get("models")) {
      // the project file's key, else the model's header, else the default
      String header = ModelHeader.read(PROTOCOLS.resolve(m.get("model").asText())).settings()
          .getOrDefault("deadlock-detection", "stuttering");
      out.put(m.get("model").asText(), new String[] {m.get("expect").asText(),
          m.has("deadlock-detection") ? m.get("deadlock-detection").asText() : header});
    }
    return out;
  }

  @Test
  void theProjectFileAgreesWithTheManifest() throws Exception {
    Map<String, String[]> models = projectModels();
    assertTrue(models.size() >= 6, "holding models and bugged variants");
    int holds = 0;
    int violates = 0;
    for (Map.Entry<String, String[]> e : models.entrySet()) {
      Row row = manifest.get(e.getKey());
      if (row == null) {
        assertEquals("models/peterson.m", e.getKey(), "only the README's example is not in the manifest");
        continue;
      }
      String expect = row.verdict().equals("holds") ? "holds" : "violates " + row.property();
      assertEquals(expect, e.getValue()[0], e.getKey());
      assertEquals(row.flags(), "--deadlock-detection " + e.getValue()[1], e.getKey());
      if (row.verdict().equals("holds")) {
        holds++;
      } else {
        violates++;
      }
    }
    assertTrue(holds >= 2 && violates >= 2, "both kinds: " + holds + " holds, " + violates + " violated");
  }

  @Test
  void theProtocolLibraryPassesTheGate(@TempDir Path dir) throws Exception {
    Path junit = dir.resolve("TEST-ballot.xml");
    Path sarif = dir.resolve("ballot.sarif");
    Path json = dir.resolve("ballot.json");
    Cli r = Cli.run("check", PROTOCOLS.resolve("ballot.yaml").toString(), "--counterexample-trace", "off",
        "--junit", junit.toString(), "--sarif", sarif.toString(), "--json", json.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    Map<String, String[]> models = projectModels();
    assertTrue(r.out().contains("Gate: " + models.size() + " models, " + models.size() + " as expected, 0 not"),
        r::toString);

    // JSON: valid, and as the manifest says
    JsonNode report = Schemas.read(json);
    assertEquals("", Schemas.problems(Schemas.result(), report));
    assertTrue(report.get("passed").asBoolean());
    List<String> names = new ArrayList<>(models.keySet());
    assertEquals(names.size(), report.get("models").size());
    Map<String, JsonNode> resultOf = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      JsonNode m = report.get("models").get(i);
      String name = names.get(i);
      assertEquals(PROTOCOLS.resolve(name).normalize().toString(), m.get("model").asText());
      assertEquals("met", m.get("status").asText());
      assertEquals(models.get(name)[0], m.get("expect").asText());
      JsonNode res = m.get("result");
      resultOf.put(name, res);
      Row row = manifest.get(name);
      if (row == null) {
        continue;
      }
      if (row.verdict().equals("holds")) {
        assertEquals("holds", res.get("verdict").asText(), name);
        assertEquals(Long.parseLong(row.states()), res.get("states").asLong(), name);
        assertEquals(Integer.parseInt(row.depth()), res.get("depth").asInt(), name);
        assertTrue(res.get("complete").asBoolean(), name);
      } else {
        assertEquals("violated", res.get("verdict").asText(), name);
        JsonNode v = res.get("violations").get(0);
        assertEquals(row.property(), v.get("property").asText(), name);
        assertEquals(Integer.parseInt(row.traceSteps()), v.get("trace").size(), name);
      }
      long fires = 0;
      for (JsonNode rule : res.get("rules")) {
        fires += rule.get("fires").asLong();
      }
      assertEquals(res.get("rulesFired").asLong(), fires, "every firing is counted for its rule: " + name);
    }

    // JUnit: one suite per model, one case per property (+ rules fire, expected outcome), as the sources say
    Element suites = parse(junit);
    NodeList suiteList = suites.getElementsByTagName("testsuite");
    assertEquals(names.size(), suiteList.getLength());
    int tests = 0;
    int skipped = 0;
    double suiteTime = 0;
    for (int i = 0; i < names.size(); i++) {
      Element suite = (Element) suiteList.item(i);
      String name = names.get(i);
      String source = Files.readString(PROTOCOLS.resolve(name));
      int properties = count(INVARIANT, source) + count(COVER, source) + count(LIVENESS, source)
          + (models.get(name)[1].equals("off") ? 0 : 1) + 1; // + deadlock freedom, + assert/error statements
      int cases = properties + 2; // + rules fire, + expected outcome
      assertEquals(cases, suite.getElementsByTagName("testcase").getLength(), name);
      assertEquals(Integer.toString(cases), suite.getAttribute("tests"), name);
      assertEquals("0", suite.getAttribute("failures"), name);
      assertEquals("0", suite.getAttribute("errors"), name);
      boolean violated = models.get(name)[0].startsWith("violates");
      // a violation stops the search: the other properties and the vacuity check are not checked to the end
      int expectSkipped = violated ? properties - 1 + 1 : 0;
      assertEquals(Integer.toString(expectSkipped), suite.getAttribute("skipped"), name);
      assertEquals(expectSkipped, suite.getElementsByTagName("skipped").getLength(), name);
      double time = Double.parseDouble(suite.getAttribute("time"));
      assertTrue(time > 0, name + " took " + time + " s");
      double caseTime = 0;
      NodeList each = suite.getElementsByTagName("testcase");
      for (int k = 0; k < each.getLength(); k++) {
        caseTime += Double.parseDouble(((Element) each.item(k)).getAttribute("time"));
      }
      assertEquals(time, caseTime, 0.001 * cases + 1e-9, "the cases share the model's time: " + name);
      suiteTime += time;
      if (violated) {
        String property = models.get(name)[0].substring("violates ".length());
        Element c = testcase(suite, "invariant \"" + property + "\"");
        assertEquals(0, c.getElementsByTagName("failure").getLength(), "an expected violation passes");
        assertTrue(c.getElementsByTagName("system-out").item(0).getTextContent().contains("End of the counterexample ("
            + manifest.get(name).traceSteps() + " steps)"), name);
      }
      tests += cases;
      skipped += expectSkipped;
    }
    assertEquals(Integer.toString(tests), suites.getAttribute("tests"));
    assertEquals("0", suites.getAttribute("failures"));
    assertEquals(Integer.toString(skipped), suites.getAttribute("skipped"));
    assertEquals(suiteTime, Double.parseDouble(suites.getAttribute("time")), 0.001 * names.size() + 1e-9);

    // SARIF: valid, one suppressed result per expected violation, every location on the right line
    JsonNode log = Schemas.read(sarif);
    assertEquals("", Schemas.problems(Schemas.sarif(), log));
    JsonNode run = log.get("runs").get(0);
    Path root = Path.of(URI.create(run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asText()));
    int violations = 0;
    for (JsonNode res : resultOf.values()) {
      violations += res.get("violations").size();
    }
    List<JsonNode> invariantResults = new ArrayList<>();
    for (JsonNode result : run.get("results")) {
      if (result.get("ruleId").asText().equals("invariant")) {
        invariantResults.add(result);
      } else {
        assertEquals("dead-rule", result.get("ruleId").asText(), result::toString);
      }
    }
    assertEquals(violations, invariantResults.size());
    for (JsonNode result : invariantResults) {
      assertEquals("accepted", result.get("suppressions").get(0).get("status").asText());
      JsonNode at = result.get("locations").get(0).get("physicalLocation");
      Path file = root.resolve(at.get("artifactLocation").get("uri").asText()).normalize();
      String name = PROTOCOLS.toAbsolutePath().normalize().relativize(file.toAbsolutePath()).toString();
      Row row = manifest.get(name);
      assertNotNull(row, name);
      List<String> lines = Files.readAllLines(file);
      assertTrue(lines.get(at.get("region").get("startLine").asInt() - 1)
          .startsWith("invariant \"" + row.property() + "\""), name);
      JsonNode steps = result.get("codeFlows").get(0).get("threadFlows").get(0).get("locations");
      assertEquals(Integer.parseInt(row.traceSteps()), steps.size(), name);
      JsonNode trace = resultOf.get(name).get("violations").get(0).get("trace");
      for (int k = 0; k < steps.size(); k++) {
        JsonNode step = steps.get(k).get("location");
        String rule = trace.get(k).get("rule").asText();
        String line = lines.get(step.get("physicalLocation").get("region").get("startLine").asInt() - 1);
        assertTrue(line.contains("\"" + rule + "\""), name + " step " + (k + 1) + ": " + rule + " at " + line);
        assertTrue(step.get("message").get("text").asText().startsWith("Step " + (k + 1) + ": " + rule), name);
      }
    }
  }

  @Test
  void wrongExpectationsFailTheGate(@TempDir Path dir) throws Exception {
    Path abs = PROTOCOLS.toAbsolutePath().normalize().resolve("models");
    Path project = dir.resolve("ballot.yaml");
    Files.writeString(project, String.join("\n",
        "models:",
        "  - model: " + abs.resolve("two-phase/TwoPhase-bug-commit-on-timeout.m"),
        "    deadlock-detection: stuck",
        "    expect: holds",
        "  - model: " + abs.resolve("tcommit/TCommit.m"),
        "    deadlock-detection: off",
        "    expect: violates TCConsistent",
        "  - model: " + abs.resolve("peterson.m"),
        "    expect: holds",
        ""));
    Path junit = dir.resolve("TEST-ballot.xml");
    Path sarif = dir.resolve("ballot.sarif");
    Path json = dir.resolve("ballot.json");
    // The models are outside the project file's directory: --root lets it name them.
    Cli r = Cli.run("check", project.toString(), "--counterexample-trace", "off", "--root", abs.toString(),
        "--junit", junit.toString(), "--sarif", sarif.toString(), "--json", json.toString());
    assertEquals(ExitCodes.EXPECTATION_NOT_MET, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Gate: 3 models, 1 as expected, 2 not"), r::toString);
    int invariantLine = lineOf(abs.resolve("two-phase/TwoPhase-bug-commit-on-timeout.m"), "invariant \"TCConsistent\"");
    assertTrue(r.out().contains("FAIL     " + abs.resolve("two-phase/TwoPhase-bug-commit-on-timeout.m")
        + ": expected holds, got invariant \"TCConsistent\" violated at "
        + abs.resolve("two-phase/TwoPhase-bug-commit-on-timeout.m") + ":" + invariantLine + ":1"), r::toString);

    JsonNode report = Schemas.read(json);
    assertEquals("", Schemas.problems(Schemas.result(), report));
    assertFalse(report.get("passed").asBoolean());
    List<String> statuses = new ArrayList<>();
    report.get("models").forEach(m -> statuses.add(m.get("status").asText()));
    assertEquals(List.of("not-met", "not-met", "met"), statuses);

    Element suites = parse(junit);
    // the bug: its invariant fails, and its expected outcome; TCommit: the invariant held, and its expected outcome
    assertEquals("4", suites.getAttribute("failures"));
    assertEquals("0", suites.getAttribute("errors"));
    Element bug = (Element) suites.getElementsByTagName("testsuite").item(0);
    Element failure = (Element) testcase(bug, "invariant \"TCConsistent\"").getElementsByTagName("failure").item(0);
    assertTrue(failure.getAttribute("message").endsWith(":" + invariantLine + ":1"), failure.getAttribute("message"));
    assertTrue(failure.getTextContent().contains("Step 4: RMRcvCommitMsg"), failure::getTextContent);
    Element tcommit = (Element) suites.getElementsByTagName("testsuite").item(1);
    assertTrue(testcase(tcommit, "invariant \"TCConsistent\"").getElementsByTagName("failure").item(0)
        .getAttributes().getNamedItem("message").getNodeValue().contains("it holds"));

    JsonNode log = Schemas.read(sarif);
    assertEquals("", Schemas.problems(Schemas.sarif(), log));
    JsonNode results = log.get("runs").get(0).get("results");
    JsonNode violation = find(results, "invariant");
    assertEquals(null, violation.get("suppressions"), "an unexpected violation is an alert");
    assertEquals(invariantLine, region(violation).get("startLine").asInt());
    JsonNode unmet = find(results, "unmet-expectation");
    assertEquals(lineOf(abs.resolve("tcommit/TCommit.m"), "invariant \"TCConsistent\""),
        region(unmet).get("startLine").asInt());
    assertFalse(log.get("runs").get(0).get("invocations").get(0).get("executionSuccessful").asBoolean());
  }

  private static JsonNode find(JsonNode results, String ruleId) {
    for (JsonNode r : results) {
      if (r.get("ruleId").asText().equals(ruleId)) {
        return r;
      }
    }
    throw new AssertionError("no " + ruleId + " result in " + results);
  }

  private static JsonNode region(JsonNode result) {
    return result.get("locations").get(0).get("physicalLocation").get("region");
  }

  private static int lineOf(Path file, String prefix) throws Exception {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i + 1;
      }
    }
    throw new AssertionError(prefix + " not in " + file);
  }

  private static int count(Pattern p, String s) {
    return (int) p.matcher(s).results().count();
  }

  static Element parse(Path xml) throws Exception {
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    return d.getDocumentElement();
  }

  static Element testcase(Element suite, String name) {
    NodeList cases = suite.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      if (c.getAttribute("name").equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no test case " + name + " in " + suite.getAttribute("name"));
  }
}
