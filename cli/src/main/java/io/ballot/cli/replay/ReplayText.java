package io.ballot.cli.replay;

import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.replay.LogEvent;
import io.ballot.checker.replay.Rejection;
import io.ballot.checker.replay.ReplayResult;
import io.ballot.checker.replay.ReplayStep;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.messages.TraceLines;
import java.io.PrintWriter;
import java.util.List;

/** Prints a replay's outcome as text: the verdict, where and why a log was rejected, and the accepted prefix. */
public final class ReplayText {
  private final PrintWriter out;
  private final String source;
  private final int shownSteps;

  /** {@code source}: the model's text, to quote guard conjuncts; {@code shownSteps}: the prefix's last steps shown. */
  public ReplayText(PrintWriter out, String source, int shownSteps) {
    this.out = out;
    this.source = source == null ? "" : source;
    this.shownSteps = shownSteps;
  }

  public void print(ReplayResult r, int logs) {
    String counts = r.events() + (r.events() == 1 ? " event" : " events") + " from " + logs
        + (logs == 1 ? " log" : " logs") + "; at most " + r.peakFrontier() + " candidate state"
        + (r.peakFrontier() == 1 ? "" : "s") + String.format("; %.2f s", r.seconds());
    switch (r.verdict()) {
      case ACCEPTED -> out.println("Accepted: some execution of the model produces "
          + (logs == 1 ? "the log" : "the logs, in some interleaving") + " (" + counts + ").");
      case INCOMPLETE -> out.println("Incomplete: the replay stopped (" + r.stopReason() + ") after " + r.accepted()
          + " of " + r.events() + " events (" + counts + ").");
      case REJECTED -> rejected(r, counts);
    }
    out.flush();
  }

  private void rejected(ReplayResult r, String counts) {
    Rejection why = r.rejection();
    LogEvent e = why.event();
    String what = e.step() == null ? "the logged state" : e.step().describe();
    out.println(e.where() + ": error: no execution of the model produces this event after the " + r.accepted()
        + (r.accepted() == 1 ? " event" : " events") + " before it: " + what);
    out.println("  " + why.candidates() + " candidate state" + (why.candidates() == 1 ? " was" : "s were")
        + " consistent with the log up to here.");
    for (Rejection.Reason reason : why.reasons()) {
      String quoted = reason.quote() ? quote(reason.location()) : "";
      out.println("  why: " + reason.text() + (quoted.isEmpty() ? "" : ": " + quoted));
    }
    for (LogEvent p : why.pending()) {
      out.println("  also blocked: " + p.where() + ": " + (p.step() == null ? "the logged state" : p.step().describe()));
    }
    out.println("Rejected (" + counts + ").");
    List<ReplayStep> steps = r.trace();
    if (steps.isEmpty() || shownSteps == 0) {
      return;
    }
    int from = Math.max(0, steps.size() - shownSteps);
    out.println("The longest accepted prefix, as a model trace (" + steps.size() + (steps.size() == 1 ? " step"
        : " steps")
        + (from > 0 ? ", the last " + (steps.size() - from) + " shown" : "") + "):");
    List<TraceStep> trace = steps.stream().map(ReplayStep::step).toList();
    for (int k = from; k < steps.size(); k++) {
      TraceStep step = trace.get(k);
      StringBuilder line = new StringBuilder("Step ").append(k + 1).append(": ").append(step.rule());
      step.parameters().forEach(p -> line.append(", ").append(p));
      LogEvent ev = steps.get(k).event();
      line.append(ev == null ? (k == 0 ? "" : "   (silent)") : "   (" + ev.where() + ")");
      out.println(line);
      for (String l : TraceLines.of(trace, k, k == from)) {
        out.println("  " + l);
      }
    }
  }

  /** The model text at {@code at} (one line at most), or empty. */
  private String quote(SourceLocation at) {
    if (at == null || at.line() <= 0 || at.endLine() != at.line()) {
      return "";
    }
    String[] lines = source.split("\r\n|\r|\n", -1);
    if (at.line() > lines.length) {
      return "";
    }
    String l = lines[at.line() - 1];
    int from = Math.max(0, at.column() - 1);
    int to = Math.min(l.length(), Math.max(from, at.endColumn() - 1));
    String text = l.substring(from, to).strip();
    return text.isEmpty() || text.length() > 160 ? "" : "`" + text + "`";
  }
}
