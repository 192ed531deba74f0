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
      if (full || before == null) {
        fullContents(m.contents(), out);
      } else {
        for (NetworkContents c : m.changedSince(before == null ? null : before.messages())) {
          out.add(new Line(c.label(), c.list(), false));
        }
      }
    }
    return out;
  }

  /**
   * Every network's contents; an ordered network's empty queues (N² of them at the start) as one line after its
   * other queues: {@code ch[every other queue]: []}, or {@code ch[every queue]: []} when all are empty.
   */
  private static void fullContents(List<NetworkContents> contents, List<Line> out) {
    for (int i = 0; i < contents.size(); ) {
      NetworkContents c = contents.get(i);
      if (c.from() == null) {
        out.add(new Line(c.label(), c.list(), false));
        i++;
        continue;
      }
      int empty = 0;
      int queues = 0;
      for (; i < contents.size() && contents.get(i).from() != null
          && contents.get(i).network().equals(c.network()); i++, queues++) {
        NetworkContents q = contents.get(i);
        if (q.messages().isEmpty()) {
          empty++;
        } else {
          out.add(new Line(q.label(), q.list(), false));
        }
      }
      if (empty == 1 && queues == 1) {
        out.add(new Line(c.label(), c.list(), false));
      } else if (empty > 0) {
        out.add(new Line(c.network() + (empty == queues ? "[every queue]" : "[every other queue]"), "[]", false));
      }
    }
  }
}
