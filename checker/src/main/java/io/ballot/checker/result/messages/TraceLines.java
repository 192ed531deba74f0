package io.ballot.checker.result.messages;

import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.VariableValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines under a step of a printed counterexample, without indentation: the messages the step sent, received,
 * lost or duplicated ({@code sent Vote(src: Node_1)}), then the variables ({@code x: 1}) and networks
 * ({@code net: [Vote(src: Node_1)]}) it changed, or with {@code full} every variable and network. Network
 * variables appear only as their messages. Used by the text and SARIF reports and the editors.
 */
public final class TraceLines {
  private TraceLines() {}

  /** The lines of step {@code k} of {@code trace}; empty when it changed nothing. */
  public static List<String> of(List<TraceStep> trace, int k, boolean full) {
    return of(trace, k, full, ": ");
  }

  /** {@link #of(List, int, boolean)} with {@code separator} between a variable or network and its value. */
  public static List<String> of(List<TraceStep> trace, int k, boolean full, String separator) {
    return lines(trace, k, full).stream()
        .map(e -> e.name() + (e.event() ? " " : separator) + e.value())
        .toList();
  }

  /** A line: a message event ({@code sent}, then the message) or a variable or network and its value. */
  private record Line(String name, String value, boolean event) {}

  /**
   * The lines of {@link #of(List, int, boolean)} as (name, value) pairs: {@code (sent, Vote(src: Node_1))} for a
   * message, {@code (x, 1)} for a variable, {@code (net, [Vote(src: Node_1)])} for a network.
   */
  public static List<VariableValue> entries(List<TraceStep> trace, int k, boolean full) {
    return lines(trace, k, full).stream().map(l -> new VariableValue(l.name(), l.value())).toList();
  }

  private static List<Line> lines(List<TraceStep> trace, int k, boolean full) {
    TraceStep step = trace.get(k);
    TraceStep before = k == 0 ? null : trace.get(k - 1);
    List<Line> out = new ArrayList<>();
    StepMessages m = step.messages();
    if (m != null && before != null) {
      for (MessageEvent e : m.events()) {
        String text = e.describe(m.severalNetworks());
        out.add(new Line(e.action().word(), text.substring(e.action().word().length() + 1), true));
      }
    }
    for (VariableValue v : full ? step.plainState() : step.plainChangedSince(before)) {
      out.add(new Line(v.name(), v.value(), false));
    }
    if (m != null) {
      List<NetworkContents> contents = full ? m.contents() : m.changedSince(before == null ? null : before.messages());
      for (NetworkContents c : contents) {
        out.add(new Line(c.label(), c.list(), false));
      }
    }
    return out;
  }
}
