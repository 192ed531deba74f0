package io.ballot.cli.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.replay.LogEvent;
import io.ballot.checker.replay.Rejection;
import io.ballot.checker.replay.ReplayResult;
import io.ballot.checker.replay.ReplayStep;
import io.ballot.cli.report.SarifReporter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * A replay's outcome as SARIF 2.1.0: a rejected log is one error result located at the log line, with the model's
 * places it concerns (the rule, the false conjunct) as related locations and the accepted prefix as a code flow
 * over the log lines; a replay stopped by a limit is an error result on the model; an accepted replay has none.
 */
public final class ReplaySarif {
  private static final List<String[]> RULES = List.of(
      new String[] {"replay-rejected", "ReplayRejected", "No execution of the model produces the system's log.",
          "error"},
      new String[] {"replay-incomplete", "ReplayIncomplete", "A limit stopped the replay before it could tell.",
          "error"});

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final SarifReporter locations;

  /** {@code root}: the directory relative paths are relative to ({@code %SRCROOT%}). */
  public ReplaySarif(String version, Path root) {
    this.locations = new SarifReporter(version, root);
  }

  public void write(ReplayResult r, String model, Writer out) throws IOException {
    out.write(mapper.writeValueAsString(toJson(r, model)));
    out.write(System.lineSeparator());
  }

  public ObjectNode toJson(ReplayResult r, String model) {
    ObjectNode log = mapper.createObjectNode();
    ObjectNode run = locations.startLog(log, RULES);
    ArrayNode results = run.putArray("results");
    if (r.verdict() == ReplayResult.Verdict.REJECTED) {
      results.add(rejected(r, model));
    } else if (r.verdict() == ReplayResult.Verdict.INCOMPLETE) {
      ObjectNode o = result(1, "the replay of " + model + " stopped (" + r.stopReason() + ") after " + r.accepted()
          + " of " + r.events() + " events");
      o.putArray("locations").add(locations.location(null, model));
      results.add(o);
    }
    run.putArray("invocations").addObject().put("executionSuccessful",
        r.verdict() == ReplayResult.Verdict.ACCEPTED);
    return log;
  }

  private ObjectNode rejected(ReplayResult r, String model) {
    Rejection why = r.rejection();
    LogEvent e = why.event();
    StringBuilder text = new StringBuilder("no execution of ").append(model).append(" produces this event after the ")
        .append(r.accepted()).append(r.accepted() == 1 ? " event" : " events").append(" before it: ")
        .append(e.step() == null ? "the logged state" : e.step().describe());
    why.reasons().forEach(reason -> text.append("; ").append(reason.text()));
    ObjectNode o = result(0, text.toString());
    o.putArray("locations").add(logLine(e));
    ArrayNode related = o.putArray("relatedLocations");
    int id = 0;
    for (Rejection.Reason reason : why.reasons()) {
      if (reason.location() != null) {
        ObjectNode loc = locations.location(reason.location(), model);
        loc.put("id", id++);
        loc.putObject("message").put("text", reason.text());
        related.add(loc);
      }
    }
    if (!r.trace().isEmpty()) {
      ObjectNode flow = o.putArray("codeFlows").addObject();
      flow.putObject("message").put("text", "The longest accepted prefix of the log, as model steps");
      ArrayNode steps = flow.putArray("threadFlows").addObject().putArray("locations");
      int k = 0;
      for (ReplayStep s : r.trace()) {
        ObjectNode loc = s.event() != null ? logLine(s.event()) : locations.location(s.step().location(), model);
        String params = s.step().parameters().isEmpty() ? "" : " (" + String.join(", ", s.step().parameters()) + ")";
        loc.putObject("message").put("text", "Step " + (k + 1) + ": " + s.step().rule() + params
            + (s.event() == null ? (k == 0 ? "" : ", silent") : ""));
        ObjectNode tfl = steps.addObject();
        tfl.set("location", loc);
        tfl.put("executionOrder", ++k);
        tfl.put("nestingLevel", 0);
      }
    }
    return o;
  }

  private ObjectNode logLine(LogEvent e) {
    return locations.location(new SourceLocation(e.source(), e.line(), 1, e.line(), 1), e.source());
  }

  private ObjectNode result(int rule, String message) {
    ObjectNode o = mapper.createObjectNode();
    o.put("ruleId", RULES.get(rule)[0]);
    o.put("ruleIndex", rule);
    o.put("level", "error");
    o.putObject("message").put("text", message);
    return o;
  }
}
