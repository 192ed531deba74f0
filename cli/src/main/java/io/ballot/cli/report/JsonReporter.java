package io.ballot.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.CoverCount;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Storage;
import io.ballot.checker.result.RuleCount;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.VariableValue;
import io.ballot.checker.result.Violation;
import io.ballot.cli.gate.ModelOutcome;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of a check as one JSON object, for tools:
 *
 * <pre>
 * {
 *   "version": "0.1.0", "formatVersion": 1, "model": "peterson.m", "verdict": "violated",
 *   "states": 12, "rulesFired": 30, "depth": 4, "seconds": 0.02, "stopReason": null, "complete": false,
 *   "covers": [ {"property": "c", "location": "peterson.m:50:1", "hits": 3} ],
 *   "rules": [ {"rule": "enter", "location": "peterson.m:20:3", "instances": 2, "fires": 8} ],
 *   "deadRules": [],
 *   "violations": [ {"kind": "invariant", "property": "mutual exclusion", "location": "peterson.m:40:1",
 *                    "message": "...", "trace": [ {"rule": "enter", "parameters": ["p: 0"],
 *                                                 "location": "peterson.m:20:3",
 *                                                 "state": {"state[0]": "critical", ...}} ]} ]
 * }
 * </pre>
 *
 * {@code memory} gives the search's limit ({@code limitBytes}, {@code limitSource}) and {@code peakBytes}, by its own
 * accounting; {@code hashCompaction} (only under {@code --hash-compaction}) its {@code bits}, Stern and Dill's
 * {@code omissionBound} and the qualified {@code verdict}, e.g. {@code holds, probabilistically (P(miss) <= 1e-07)}.
 * {@code verdict} is {@code holds}, {@code violated} or {@code incomplete}; {@code stopReason} is null unless
 * incomplete; a {@code location} is {@code file:line:col} or null. Every trace step carries the full state (in
 * declaration order, values as the text reports print them), whatever {@code --counterexample-trace} says. A run
 * over several models writes {@link #writeGate one object} with a {@code models} array of these. The format is
 * documented in docs/trace-format.md, with its JSON schema in docs/schema/result.schema.json; {@link
 * #FORMAT_VERSION} changes only when a field is removed or changes meaning (adding fields does not).
 *
 * <p>Each violation and each trace step also has {@code lines}, {@code [line, endLine]} of the property or of the
 * rule that fired (absent when unknown), and each step the rule's {@code location}. A reporter made
 * {@link #withModel with the model} ends the object with {@code modelInfo}: the model's text and structure
 * ({@link ModelJson}).
 *
 * <p>In a model with message-passing networks each step also has {@code messages} ({@link MessagesJson}): the
 * messages it sent, received, lost or duplicated and every network's contents; the raw {@code state} stays.
 */
public final class JsonReporter {

  /** The version of the JSON format (not of ballot): bumped only on an incompatible change. */
  public static final int FORMAT_VERSION = 1;

  private final ObjectMapper mapper =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  private final String version;
  private final Model model;
  private final String source;

  /** {@code version}: ballot's version, written into every report. */
  public JsonReporter(String version) {
    this(version, null, null);
  }

  private JsonReporter(String version, Model model, String source) {
    this.version = Objects.requireNonNull(version);
    this.model = model;
    this.source = source;
  }

  /** A reporter that also writes {@code modelInfo} for {@code model}, whose text is {@code source}. */
  public JsonReporter withModel(Model model, String source) {
    return new JsonReporter(version, Objects.requireNonNull(model), source);
  }

  /** Writes the report of {@code result} for {@code model} (the file as the user named it), then a newline. */
  public void write(Result result, String model, Writer out) throws IOException {
    write(result, model, null, List.of(), out);
  }

  /**
   * Writes the report, with a {@code symmetry} object: the reduction {@code mode} that applied ({@code off},
   * {@code heuristic}, {@code exhaustive}; null leaves the object out) and what it was {@code over} (scalarset
   * type names, and {@code multisets}).
   */
  public void write(Result result, String model, String mode, List<String> over, Writer out) throws IOException {
    write(toJson(result, model, mode, over), out);
  }

  /** Writes a report built by {@link #toJson(Result, String, String, List)} (or the gate's root), then a newline. */
  public void write(ObjectNode report, Writer out) throws IOException {
    mapper.writeValue(out, report);
    out.write(System.lineSeparator());
    out.flush();
  }

  /** The report as a tree, with the {@code symmetry} object of {@link #write(Result, String, String, List, Writer)}. */
  public ObjectNode toJson(Result result, String model, String mode, List<String> over) {
    return withSymmetry(toJson(result, model), mode, over);
  }

  /**
   * Writes the report of a run over several models: {@code version}, {@code formatVersion}, {@code passed} (every
   * model met its expectation), {@code seconds}, and {@code models}, one entry per model in run order:
   * {@code model}, {@code expect}, {@code status} ({@code met}, {@code not-met}, {@code rejected},
   * {@code incomplete}, {@code error}), {@code outcome} (in words), {@code seconds}, {@code errors} (the front
   * end's, as {@code file:line:col: error: message}) and {@code result} (the single-model report, or null when the
   * model was not checked).
   */
  public void writeGate(List<ModelOutcome> outcomes, Writer out) throws IOException {
    ObjectNode root = mapper.createObjectNode();
    root.put("version", version);
    root.put("formatVersion", FORMAT_VERSION);
    root.put("passed", outcomes.stream().allMatch(ModelOutcome::met));
    root.put("seconds", outcomes.stream().mapToDouble(ModelOutcome::seconds).sum());
    ArrayNode models = root.putArray("models");
    for (ModelOutcome o : outcomes) {
      ObjectNode m = models.addObject();
      m.put("model", o.name());
      m.put("expect", o.run().expect().toString());
      m.put("status", o.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      m.put("outcome", o.outcomeText());
      m.put("seconds", o.seconds());
      ArrayNode errors = m.putArray("errors");
      o.loadErrors().forEach(d -> errors.add(d.headline()));
      if (o.result() == null) {
        m.putNull("result");
      } else {
        m.set("result", toJson(o.result(), o.name(), o.symmetryMode(), o.reducedOver()));
      }
    }
    write(root, out);
  }

  /** {@code root} with a {@code symmetry} object after the counts (unchanged when {@code mode} is null). */
  private ObjectNode withSymmetry(ObjectNode root, String mode, List<String> over) {
    if (mode == null) {
      return root;
    }
    ObjectNode sym = mapper.createObjectNode();
    sym.put("mode", mode);
    ArrayNode a = sym.putArray("over");
    over.forEach(a::add);
    return afterCounts(root, "symmetry", sym);
  }

  /** {@code root} (a report) with {@code key} set to {@code value} after the counts, before covers and violations. */
  public static ObjectNode afterCounts(ObjectNode root, String key, ObjectNode value) {
    ObjectNode ordered = root.objectNode();
    root.fields().forEachRemaining(e -> {
      if (e.getKey().equals("covers")) {
        ordered.set(key, value);
      }
      ordered.set(e.getKey(), e.getValue());
    });
    return ordered;
  }

  /** The report as a tree (field order as documented). */
  public ObjectNode toJson(Result result, String model) {
    ObjectNode root = mapper.createObjectNode();
    root.put("version", version);
    root.put("formatVersion", FORMAT_VERSION);
    root.put("model", model);
    root.put("verdict", result.verdict().name().toLowerCase(Locale.ROOT));
    root.put("states", result.states());
    root.put("rulesFired", result.rulesFired());
    root.put("depth", result.depth());
    root.put("seconds", result.seconds());
    root.put("stopReason", result.stopReason());
    root.put("complete", result.complete());
    Storage storage = result.storage();
    if (storage.limitBytes() > 0) {
      ObjectNode memory = root.putObject("memory");
      memory.put("limitBytes", storage.limitBytes());
      memory.put("limitSource", storage.limitSource());
      memory.put("peakBytes", storage.peakBytes());
      if (storage.stateBits() > 0) {
        memory.put("stateBits", storage.stateBits());
      }
    }
    if (storage.probabilistic()) {
      ObjectNode hc = root.putObject("hashCompaction");
      hc.put("bits", storage.hashBits());
      hc.put("omissionBound", storage.omissionBound());
      hc.put("verdict", result.verdict().name().toLowerCase(Locale.ROOT)
          + (result.probabilistic() ? ", " + storage.qualifier() : ""));
    }
    ArrayNode covers = root.putArray("covers");
    for (CoverCount c : result.covers()) {
      ObjectNode o = covers.addObject();
      o.put("property", c.property());
      o.put("location", TextReporter.location(c.location()));
      o.put("hits", c.hits());
    }
    ArrayNode rules = root.putArray("rules");
    for (RuleCount r : result.rules()) {
      ObjectNode o = rules.addObject();
      o.put("rule", r.rule());
      o.put("location", TextReporter.location(r.location()));
      o.put("instances", r.instances());
      o.put("fires", r.fires());
    }
    ArrayNode dead = root.putArray("deadRules");
    result.deadRules().forEach(r -> dead.add(r.rule()));
    ArrayNode violations = root.putArray("violations");
    for (Violation v : result.violations()) {
      ObjectNode o = violations.addObject();
      o.put("kind", v.kind().name().toLowerCase(Locale.ROOT));
      o.put("property", v.property());
      o.put("location", TextReporter.location(v.location()));
      o.put("message", v.message());
      putLines(o, v.location());
      ArrayNode trace = o.putArray("trace");
      for (TraceStep step : v.trace()) {
        ObjectNode s = trace.addObject();
        s.put("rule", step.rule());
        ArrayNode params = s.putArray("parameters");
        step.parameters().forEach(params::add);
        s.put("location", TextReporter.location(step.location()));
        putLines(s, step.location());
        ObjectNode state = s.putObject("state");
        for (VariableValue var : step.state()) {
          state.put(var.name(), var.value());
        }
        if (step.messages() != null) {
          s.set("messages", MessagesJson.of(step.messages()));
        }
      }
    }
    if (this.model != null) {
      root.set("modelInfo", ModelJson.of(this.model, source));
    }
    return root;
  }

  private static void putLines(ObjectNode o, io.ballot.checker.ir.SourceLocation loc) {
    ArrayNode lines = ModelJson.lines(loc);
    if (lines != null) {
      o.set("lines", lines);
    }
  }
}
