package io.ballot.cli.replay;

import io.ballot.checker.result.messages.MessageEvent;
import io.ballot.dsl.settings.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a system's own log names things, in the model's words (docs/replay.md, "The mapping file"): which log field
 * names the event ({@code event-key}), what each system event stands for (a rule or a message moved, and which
 * of its fields are which parameters or message fields), how system values and state variable names read in the
 * model, and which rules fire without a log line ({@code silent}, at most {@code silent-steps} between lines).
 * {@code clock-key} names the field that holds a line's clock. The empty mapping reads logs written in the model's
 * own names.
 */
public record ReplayMapping(
    String eventKey, String clockKey, Map<String, EventMap> events, Map<String, String> values, Map<String, String> variables,
    Set<String> silent, Integer silentSteps) {

  /**
   * What one system event stands for: one of the rules {@code rules} (empty for a message) or a message
   * {@code action} of {@code kind}; {@code values}: the event's own system values in the model's words, which win
   * over the mapping's on its lines.
   */
  public record EventMap(
      List<String> rules, MessageEvent.Action action, String kind, String network, Map<String, String> fields,
      Map<String, String> values, String where) {}

  /** Reads logs that use the model's own names. */
  public static final ReplayMapping NONE =
      new ReplayMapping("event", "clock", Map.of(), Map.of(), Map.of(), Set.of(), null);

  private static final List<String> TOP = List.of("event-key", "clock-key", "events", "values", "variables", "silent",
      "silent-steps");
  private static final List<String> EVENT = List.of("rule", "send", "receive", "lose", "duplicate", "network",
      "fields", "values");

  /** Reads a mapping file; every problem is a {@link LogError} at its line and column. */
  public static ReplayMapping read(Path file) throws LogError {
    String f = file.toString();
    LocatedYaml root = LocatedYaml.read(file);
    Map<String, LocatedYaml> top = root.map(f, "a mapping file");
    unknownKeys(f, top, TOP, "a mapping file");
    String eventKey = top.containsKey("event-key") ? top.get("event-key").text(f, "event-key") : "event";
    String clockKey = top.containsKey("clock-key") ? top.get("clock-key").text(f, "clock-key") : "clock";
    Map<String, EventMap> events = new HashMap<>();
    if (top.containsKey("events")) {
      for (Map.Entry<String, LocatedYaml> e : top.get("events").map(f, "events").entrySet()) {
        events.put(e.getKey(), event(f, e.getKey(), e.getValue()));
      }
    }
    Map<String, String> values = strings(f, top.get("values"), "values");
    Map<String, String> variables = strings(f, top.get("variables"), "variables");
    Set<String> silent = new LinkedHashSet<>();
    if (top.containsKey("silent")) {
      for (LocatedYaml s : top.get("silent").list(f, "silent")) {
        silent.add(s.text(f, "a silent rule"));
      }
    }
    Integer steps = null;
    if (top.containsKey("silent-steps")) {
      LocatedYaml s = top.get("silent-steps");
      try {
        steps = Integer.parseInt(s.text(f, "silent-steps"));
      } catch (NumberFormatException ex) {
        steps = -1;
      }
      if (steps < 0 || steps > 1000) {
        throw new LogError(f, s.line(), s.column(), "silent-steps must be a whole number from 0 to 1000");
      }
    }
    return new ReplayMapping(eventKey, clockKey, events, values, variables, silent, steps);
  }

  private static EventMap event(String f, String name, LocatedYaml node) throws LogError {
    Map<String, LocatedYaml> m = node.map(f, "event '" + name + "'");
    unknownKeys(f, m, EVENT, "an event");
    List<String> rules = new ArrayList<>();
    if (m.containsKey("rule")) {
      for (LocatedYaml r : m.get("rule").list(f, "rule")) {
        rules.add(r.text(f, "a rule of event '" + name + "'"));
      }
      if (rules.isEmpty()) {
        throw new LogError(f, m.get("rule").line(), m.get("rule").column(), "event '" + name + "' names no rule");
      }
    }
    MessageEvent.Action action = null;
    String kind = null;
    for (MessageEvent.Action a : List.of(MessageEvent.Action.SENT, MessageEvent.Action.RECEIVED,
        MessageEvent.Action.LOST, MessageEvent.Action.DUPLICATED)) {
      String key = verb(a);
      if (m.containsKey(key)) {
        if (kind != null || !rules.isEmpty()) {
          throw new LogError(f, m.get(key).line(), m.get(key).column(),
              "event '" + name + "' says more than one of rule, send, receive, lose and duplicate");
        }
        action = a;
        kind = m.get(key).text(f, key);
      }
    }
    if (rules.isEmpty() && kind == null) {
      throw new LogError(f, node.line(), node.column(),
          "event '" + name + "' needs one of rule, send, receive, lose or duplicate");
    }
    String network = m.containsKey("network") ? m.get("network").text(f, "network") : null;
    return new EventMap(rules, action, kind, network, strings(f, m.get("fields"), "fields"),
        strings(f, m.get("values"), "values"),
        f + ":" + node.line() + ":" + node.column());
  }

  /** The log and mapping word for a message action: send, receive, lose, duplicate. */
  public static String verb(MessageEvent.Action a) {
    return switch (a) {
      case SENT -> "send";
      case RECEIVED -> "receive";
      case LOST -> "lose";
      case DUPLICATED -> "duplicate";
      case REMOVED -> "remove";
    };
  }

  private static Map<String, String> strings(String f, LocatedYaml node, String what) throws LogError {
    Map<String, String> out = new HashMap<>();
    if (node != null) {
      for (Map.Entry<String, LocatedYaml> e : node.map(f, what).entrySet()) {
        out.put(e.getKey(), e.getValue().text(f, what + " '" + e.getKey() + "'"));
      }
    }
    return out;
  }

  private static void unknownKeys(String f, Map<String, LocatedYaml> m, List<String> known, String what)
      throws LogError {
    for (Map.Entry<String, LocatedYaml> e : m.entrySet()) {
      if (!known.contains(e.getKey())) {
        throw new LogError(f, e.getValue().line(), e.getValue().column(), "unknown key '" + e.getKey() + "' in "
            + what + Suggestions.didYouMean(e.getKey(), known) + " (keys: " + String.join(", ", known) + ")");
      }
    }
  }

  /** {@code v} in the model's words: the mapped value, or {@code v} itself. */
  public String value(String v) {
    return values.getOrDefault(v, v);
  }
}
