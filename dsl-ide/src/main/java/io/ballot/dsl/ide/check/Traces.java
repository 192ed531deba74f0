package io.ballot.dsl.ide.check;

import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.VariableValue;
import io.ballot.checker.result.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A counterexample as editors show it: each step's rule (with its quantifier values) and the variables that step
 * changed (all of them for the first step), as JSON-ready maps and as plain text.
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
    TraceStep before = null;
    for (TraceStep step : v.trace()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("rule", step.rule());
      s.put("parameters", step.parameters());
      s.put("changes", step.changedSince(before).stream().map(Traces::pair).toList());
      s.put("state", step.state().stream().map(Traces::pair).toList());
      steps.add(s);
      before = step;
    }
    out.put("steps", steps);
    out.put("text", toText(v));
    return out;
  }

  /** The trace as text: a headline, then each step with the variables it changed. */
  public static String toText(Violation v) {
    StringBuilder b = new StringBuilder(headline(v)).append('\n');
    TraceStep before = null;
    int n = 0;
    for (TraceStep step : v.trace()) {
      n++;
      b.append("step ").append(n).append(": ").append(step.rule());
      if (!step.parameters().isEmpty()) {
        b.append(" (").append(String.join(", ", step.parameters())).append(')');
      }
      b.append('\n');
      for (VariableValue value : step.changedSince(before)) {
        b.append("  ").append(value.name()).append(" = ").append(value.value()).append('\n');
      }
      before = step;
    }
    return b.toString();
  }

  private static Map<String, String> pair(VariableValue value) {
    return Map.of("name", value.name(), "value", value.value());
  }

  /** E.g. {@code invariant "mutex": ... (counterexample of 4 steps)}, as the command line heads a violation. */
  public static String headline(Violation v) {
    String kind = v.kind().name().toLowerCase(java.util.Locale.ROOT);
    String property = v.property().equalsIgnoreCase(v.kind().name()) ? "" : " \"" + v.property() + "\"";
    String steps = v.trace().isEmpty() ? "" : " (counterexample of " + v.trace().size() + " steps)";
    return kind + property + ": " + v.message() + steps;
  }
}
