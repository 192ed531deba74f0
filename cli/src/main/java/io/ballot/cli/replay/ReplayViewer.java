package io.ballot.cli.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ballot.checker.ir.Model;
import io.ballot.checker.replay.LogEvent;
import io.ballot.checker.replay.Rejection;
import io.ballot.checker.replay.ReplayResult;
import io.ballot.checker.replay.ReplayStep;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.checker.result.ViolationKind;
import io.ballot.cli.report.JsonReporter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A replay as the trace viewer's input: a check report whose one "violation" is the rejection, its trace the
 * accepted prefix with each step's log line ({@code log}), and {@code after}, the sentence the viewer shows under the
 * last step instead of "violated here".
 */
public final class ReplayViewer {
  private ReplayViewer() {}

  public static ObjectNode report(ReplayResult r, String modelName, Model model, String source, String version) {
    Verdict verdict = switch (r.verdict()) {
      case ACCEPTED -> Verdict.HOLDS;
      case REJECTED -> Verdict.VIOLATED;
      case INCOMPLETE -> Verdict.INCOMPLETE;
    };
    List<TraceStep> trace = r.trace().stream().map(ReplayStep::step).toList();
    List<Violation> violations = List.of();
    Rejection why = r.rejection();
    if (why != null) {
      String message = why.reasons().stream().map(Rejection.Reason::text).collect(Collectors.joining("; "));
      violations = List.of(new Violation(ViolationKind.ASSERTION, why.event().where(),
          why.reasons().isEmpty() ? null : why.reasons().get(why.reasons().size() - 1).location(), message, trace));
    }
    Result result = new Result(verdict, r.peakFrontier(), r.accepted(), trace.size(), r.seconds(), violations,
        List.of(), r.stopReason());
    ObjectNode root = new JsonReporter(version).withModel(model, source).toJson(result, modelName);
    root.put("command", "replay");
    if (why != null) {
      ObjectNode v = (ObjectNode) root.get("violations").get(0);
      LogEvent e = why.event();
      v.put("kind", "log rejected");
      v.put("after", "the next log line, " + e.where() + " (" + (e.step() == null ? "the logged state"
          : e.step().describe()) + "), is allowed by no state consistent with the log");
      ArrayNode steps = (ArrayNode) v.get("trace");
      for (int k = 0; k < steps.size(); k++) {
        LogEvent ev = r.trace().get(k).event();
        JsonNode step = steps.get(k);
        ((ObjectNode) step).put("log", ev == null ? (k == 0 ? null : "silent") : ev.where());
      }
    }
    return root;
  }
}
