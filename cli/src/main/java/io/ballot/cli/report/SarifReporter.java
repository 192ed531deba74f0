package io.ballot.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ballot.checker.ir.Property;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.RuleCount;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.messages.TraceLines;
import io.ballot.checker.result.VariableValue;
import io.ballot.checker.result.Violation;
import io.ballot.cli.gate.ModelOutcome;
import io.ballot.dsl.api.Diagnostic;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The results of a run as SARIF 2.1.0 (one run, tool {@code ballot}), for code-scanning views. One rule per kind of
 * finding ({@link #RULES}); one result per violation, located at the property (or the failing statement), with a
 * code flow whose thread-flow locations are the counterexample's steps at their rules' locations, the variables
 * each step changed as their messages. A violation the project file expects is reported with an accepted external
 * suppression (so it shows as dismissed, not as an alert); a rule that never fired is a warning (an error with
 * {@code --fail-on-dead-rules}); a rejected model's errors and a model that did not meet its expectation are
 * results too. Relative model paths are relative to {@code %SRCROOT%}, the working directory.
 */
public final class SarifReporter {

  /** The SARIF schema this report conforms to. */
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  /** Rule ids, short descriptions and default levels, in the order of the driver's {@code rules}. */
  static final List<String[]> RULES = List.of(
      new String[] {"invariant", "Invariant", "An invariant is false in a reachable state.", "error"},
      new String[] {"assertion", "Assertion",
          "An assert failed, an error statement was reached, or a run-time error occurred.", "error"},
      new String[] {"deadlock", "Deadlock", "A reachable state has no enabled rule that changes it.", "error"},
      new String[] {"cover", "Cover", "A cover property is satisfied in no reachable state.", "error"},
      new String[] {"liveness", "Liveness",
          "From some reachable state, no state satisfying a liveness property can be reached.", "error"},
      new String[] {"dead-rule", "DeadRule", "A rule never fires in any reachable state (vacuity).", "warning"},
      new String[] {"unmet-expectation", "UnmetExpectation",
          "The model did not do what the project file expects of it.", "error"},
      new String[] {"model-rejected", "ModelRejected", "The model has a syntax, name or type error.", "error"},
      new String[] {"check-incomplete", "CheckIncomplete",
          "A limit (time, memory) or an internal error stopped the check before it could tell.", "error"},
      new String[] {"probabilistic-verdict", "ProbabilisticVerdict",
          "The properties hold in every state hash compaction kept: a reachable state may have been missed, with at"
              + " most the probability stated.", "note"});

  private final ObjectMapper mapper =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  private final String version;
  private final Path root;

  /** {@code version}: ballot's; {@code root}: the directory relative paths are relative to ({@code %SRCROOT%}). */
  public SarifReporter(String version, Path root) {
    this.version = Objects.requireNonNull(version);
    this.root = root.toAbsolutePath().normalize();
  }

  /** Writes the SARIF log of {@code outcomes}, then a newline. */
  public void write(List<ModelOutcome> outcomes, Writer out) throws IOException {
    mapper.writeValue(out, toJson(outcomes));
    out.write(System.lineSeparator());
    out.flush();
  }

  /**
   * A SARIF log with one run of tool {@code ballot} whose driver declares {@code rules} (id, name, description,
   * default level each); returns the run, to which the caller adds its results.
   */
  public ObjectNode startLog(ObjectNode log, List<String[]> rules) {
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "ballot");
    driver.put("version", version);
    ArrayNode declared = driver.putArray("rules");
    for (String[] r : rules) {
      ObjectNode rule = declared.addObject();
      rule.put("id", r[0]);
      rule.put("name", r[1]);
      rule.putObject("shortDescription").put("text", r[2]);
      rule.putObject("defaultConfiguration").put("level", r[3]);
    }
    return run;
  }

  /** The SARIF log as a tree. */
  public ObjectNode toJson(List<ModelOutcome> outcomes) {
    ObjectNode log = mapper.createObjectNode();
    ObjectNode run = startLog(log, RULES);
    run.putObject("originalUriBaseIds").putObject("%SRCROOT%").put("uri", root.toUri().toString());
    ArrayNode results = run.putArray("results");
    for (ModelOutcome o : outcomes) {
      results(o, results);
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", outcomes.stream().allMatch(ModelOutcome::met));
    return log;
  }

  private void results(ModelOutcome o, ArrayNode results) {
    if (o.result() == null) {
      List<Diagnostic> errors = o.loadErrors();
      for (Diagnostic d : errors) {
        ObjectNode r = result(results, "model-rejected", "error", d.message());
        SourceLocation at = d.hasPosition()
            ? new SourceLocation(d.file(), d.line(), d.column(), d.line(), d.column() + Math.max(1, d.length()))
            : null;
        r.putArray("locations").add(location(at, d.file() != null ? d.file() : o.name()));
      }
      if (errors.isEmpty()) {
        ObjectNode r = result(results, "check-incomplete", "error", o.name() + ": " + o.outcomeText());
        r.putArray("locations").add(location(null, o.name()));
      }
      return;
    }
    Result res = o.result();
    boolean anyExpected = false;
    for (Violation v : res.violations()) {
      boolean expected = o.run().expect().names(v);
      anyExpected |= expected;
      results.add(violation(o, v, expected));
    }
    for (RuleCount dead : res.deadRules()) {
      ObjectNode r = result(results, "dead-rule", o.run().failOnDeadRules() ? "error" : "warning",
          "rule \"" + dead.rule() + "\" never fires in any reachable state of " + o.name()
              + " (" + dead.instances() + (dead.instances() == 1 ? " instance" : " instances") + ")");
      r.putArray("locations").add(location(dead.location(), o.name()));
    }
    if (res.probabilistic()) {
      ObjectNode r = result(results, "probabilistic-verdict", "note", o.name() + ": " + o.outcomeText());
      r.putArray("locations").add(location(null, o.name()));
    }
    if (o.status() == ModelOutcome.Status.INCOMPLETE) {
      ObjectNode r = result(results, "check-incomplete", "error", o.name() + ": " + o.outcomeText());
      r.putArray("locations").add(location(null, o.name()));
    } else if (!o.met() && !o.run().expect().holds() && !anyExpected) {
      ObjectNode r = result(results, "unmet-expectation", "error", o.name() + " was expected to violate "
          + o.run().expect().property() + ", but got " + o.outcomeText());
      r.putArray("locations").add(location(propertyLocation(o, o.run().expect().property()), o.name()));
    }
  }

  /** Where property {@code name} is declared in the model, or null. */
  private static SourceLocation propertyLocation(ModelOutcome o, String name) {
    for (Property p : o.model().properties()) {
      if (name.equals(p.name())) {
        return p.location();
      }
    }
    return null;
  }

  private ObjectNode violation(ModelOutcome o, Violation v, boolean expected) {
    String kind = v.kind().name().toLowerCase(Locale.ROOT);
    ObjectNode r = mapper.createObjectNode();
    r.put("ruleId", kind);
    r.put("ruleIndex", ruleIndex(kind));
    r.put("level", "error");
    String text = TextReporter.summary(v) + " in " + o.name()
        + (v.message().equals(TextReporter.summary(v)) ? "" : ": " + v.message())
        + (v.trace().isEmpty() ? "" : " (counterexample of " + v.trace().size() + " steps)");
    r.putObject("message").put("text", text);
    SourceLocation at = v.location();
    if (at == null && !v.trace().isEmpty()) {
      at = v.trace().get(v.trace().size() - 1).location(); // a deadlock: the rule that led to the stuck state
    }
    r.putArray("locations").add(location(at, o.name()));
    if (!v.trace().isEmpty()) {
      ObjectNode flow = r.putArray("codeFlows").addObject();
      flow.putObject("message").put("text", "Shortest counterexample to " + TextReporter.summary(v));
      ArrayNode steps = flow.putArray("threadFlows").addObject().putArray("locations");
      for (int k = 0; k < v.trace().size(); k++) {
        TraceStep step = v.trace().get(k);
        List<String> changed = TraceLines.of(v.trace(), k, false, " = ");
        String head = "Step " + (k + 1) + ": " + step.rule()
            + (step.parameters().isEmpty() ? "" : " (" + String.join(", ", step.parameters()) + ")");
        String body = changed.isEmpty() ? "no change" : String.join(", ", changed);
        ObjectNode loc = location(step.location(), o.name());
        loc.putObject("message").put("text", head + ": " + body);
        ObjectNode tfl = steps.addObject();
        tfl.set("location", loc);
        tfl.put("executionOrder", k + 1);
        tfl.put("nestingLevel", 0);
      }
    }
    if (expected) {
      ObjectNode s = r.putArray("suppressions").addObject();
      s.put("kind", "external");
      s.put("status", "accepted");
      s.put("justification", "expected: the project file says " + o.name() + " " + o.run().expect());
    }
    return r;
  }

  private ObjectNode result(ArrayNode results, String ruleId, String level, String message) {
    ObjectNode r = results.addObject();
    r.put("ruleId", ruleId);
    r.put("ruleIndex", ruleIndex(ruleId));
    r.put("level", level);
    r.putObject("message").put("text", message);
    return r;
  }

  private static int ruleIndex(String id) {
    for (int i = 0; i < RULES.size(); i++) {
      if (RULES.get(i)[0].equals(id)) {
        return i;
      }
    }
    throw new IllegalArgumentException(id);
  }

  /** A SARIF location: the file of {@code at} (else {@code file}) and, when known, its region. */
  public ObjectNode location(SourceLocation at, String file) {
    ObjectNode loc = mapper.createObjectNode();
    ObjectNode physical = loc.putObject("physicalLocation");
    boolean known = at != null && !at.equals(SourceLocation.NONE) && at.line() > 0;
    String path = known ? at.file() : file;
    ObjectNode artifact = physical.putObject("artifactLocation");
    Path p = Path.of(path);
    if (p.isAbsolute()) {
      Path abs = p.normalize();
      if (abs.startsWith(root)) {
        artifact.put("uri", relativeUri(root.relativize(abs)));
        artifact.put("uriBaseId", "%SRCROOT%");
      } else {
        artifact.put("uri", abs.toUri().toString());
      }
    } else {
      artifact.put("uri", relativeUri(p.normalize()));
      artifact.put("uriBaseId", "%SRCROOT%");
    }
    if (known) {
      ObjectNode region = physical.putObject("region");
      region.put("startLine", at.line());
      region.put("startColumn", Math.max(1, at.column()));
      if (at.endLine() >= at.line() && at.endLine() > 0) {
        region.put("endLine", at.endLine());
        if (at.endColumn() > 0 && (at.endLine() > at.line() || at.endColumn() > at.column())) {
          region.put("endColumn", at.endColumn());
        }
      }
    }
    return loc;
  }

  /** A relative path as a relative URI reference ({@code a/b%20c.m}). */
  private static String relativeUri(Path relative) {
    String s = relative.toString().replace('\\', '/');
    try {
      return new URI(null, null, s, null).toASCIIString();
    } catch (URISyntaxException e) {
      return s;
    }
  }
}
