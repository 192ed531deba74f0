package io.ballot.cli.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ballot.checker.replay.LogEvent;
import io.ballot.checker.replay.Rejection;
import io.ballot.checker.replay.ReplayResult;
import io.ballot.checker.replay.ReplayStep;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.VariableValue;
import io.ballot.cli.report.MessagesJson;
import io.ballot.cli.report.TextReporter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** A replay's outcome as JSON (the format is in docs/replay.md): verdict, counts, rejection, accepted prefix. */
public final class ReplayJson {
  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final String version;

  public ReplayJson(String version) {
    this.version = version;
  }

  public void write(ReplayResult r, String model, List<String> logs, Writer out) throws IOException {
    out.write(mapper.writeValueAsString(toJson(r, model, logs)));
    out.write(System.lineSeparator());
  }

  public ObjectNode toJson(ReplayResult r, String model, List<String> logs) {
    ObjectNode root = mapper.createObjectNode();
    root.put("version", version);
    root.put("command", "replay");
    root.put("model", model);
    ArrayNode l = root.putArray("logs");
    logs.forEach(l::add);
    root.put("verdict", r.verdict().name().toLowerCase(Locale.ROOT));
    root.put("events", r.events());
    root.put("acceptedEvents", r.accepted());
    root.put("peakFrontier", r.peakFrontier());
    ArrayNode frontier = root.putArray("frontier");
    for (int f : r.frontier()) {
      frontier.add(f);
    }
    root.put("seconds", r.seconds());
    root.put("stopReason", r.stopReason());
    if (r.rejection() != null) {
      Rejection why = r.rejection();
      ObjectNode o = root.putObject("rejection");
      event(o, why.event());
      o.put("candidates", why.candidates());
      ArrayNode reasons = o.putArray("reasons");
      for (Rejection.Reason reason : why.reasons()) {
        ObjectNode x = reasons.addObject();
        x.put("text", reason.text());
        x.put("location", TextReporter.location(reason.location()));
      }
      ArrayNode pending = o.putArray("pending");
      why.pending().forEach(p -> event(pending.addObject(), p));
    }
    ArrayNode trace = root.putArray("trace");
    for (ReplayStep rs : r.trace()) {
      TraceStep step = rs.step();
      ObjectNode s = trace.addObject();
      s.put("rule", step.rule());
      ArrayNode params = s.putArray("parameters");
      step.parameters().forEach(params::add);
      s.put("location", TextReporter.location(step.location()));
      s.put("log", rs.event() == null ? null : rs.event().where());
      ObjectNode state = s.putObject("state");
      for (VariableValue var : step.state()) {
        state.put(var.name(), var.value());
      }
      if (step.messages() != null) {
        s.set("messages", MessagesJson.of(step.messages()));
      }
    }
    return root;
  }

  private static void event(ObjectNode o, LogEvent e) {
    o.put("log", e.source());
    o.put("line", e.line());
    o.put("event", e.step() == null ? null : e.step().describe());
  }
}
