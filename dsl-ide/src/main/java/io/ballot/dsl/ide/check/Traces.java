package io.ballot.dsl.ide.check;

import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.VariableValue;
import io.ballot.checker.result.Violation;
import io.ballot.checker.result.messages.TraceLines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A counterexample as editors show it: each step's rule (with its quantifier values), the messages it sent, received,
 * lost or duplicated and the variables and networks it changed (all of them for the first step), as JSON-ready maps
 * and as plain text.
 */
public final class Traces {
  private Traces() {}

  /** The violation and its trace as nested maps and lists (serialised to JSON by the protocol layer). */
  public static Map<String, Object> toJson(Violation v) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", v.kind().name().toLowerCase(java.util.Locale.ROOT));
    out.put("property", v.property());
    out.put("message", v.message());
    if (v.location() != null) {
      out.put("line", v.location().line());
      out.put("column", v.location().column());
    }
    List<Map<String, Object>> steps = new ArrayList<>();
    for (int k = 0; k < v.trace().size(); k++) {
      TraceStep step = v.trace().get(k);
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("rule", step.rule());
      s.put("parameters", step.parameters());
      // in the protocol's words: messages sent, received, lost, duplicated; networks as message lists
      s.put("changes", TraceLines.entries(v.trace(), k, false).stream().map(Traces::pair).toList());
      s.put("state", step.state().stream().map(Traces::pair).toList());
      steps.add(s);
    }
    out.put("steps", steps);
    out.put("text", toText(v));
    return out;
  }

  /** The trace as text: a headline, then each step with the variables it changed. */
  public static String toText(Violation v) {
    StringBuilder b = new StringBuilder(headline(v)).append('\n');
    for (int k = 0; k < v.trace().size(); k++) {
      TraceStep step = v.trace().get(k);
      b.append("step ").append(k + 1).append(": ").append(step.rule());
      if (!step.parameters().isEmpty()) {
        b.append(" (").append(String.join(", ", step.parameters())).append(')');
      }
      b.append('\n');
      for (String line : TraceLines.of(v.trace(), k, false, " = ")) {
        b.append("  ").append(line).append('\n');
      }
    }
    return b.toString();
  }

  private static Map<String, String> pair(VariableValue value) {
    return Map.of("name", value.name(), "value", value.value());
  }

  /** E.g. {@code invariant "mutex": ... (counterexample of 4 steps)}, as the command line heads a violation. */
  public static String headline(Violation v) {
    String kind = v.label();
    String property = v.property().equalsIgnoreCase(v.kind().name()) ? "" : " \"" + v.property() + "\"";
    String steps = v.trace().isEmpty() ? "" : " (counterexample of " + v.trace().size() + " steps)";
    return kind + property + ": " + v.message() + steps;
  }
}
