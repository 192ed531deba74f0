package io.ballot.cli.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ballot.checker.replay.LogEvent;
import io.ballot.checker.replay.StepPattern;
import io.ballot.checker.result.messages.MessageEvent;
import io.ballot.dsl.settings.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns log lines into {@link LogEvent}s in the model's words, through the mapping, and checks every name and
 * value against the model: an unknown rule, parameter, message kind, field, variable or parameter value is a
 * {@link LogError} at its line and column, never a silent mismatch.
 */
final class EventResolver {
  private static final List<String> VERBS = List.of("send", "receive", "lose", "duplicate");
  private final ReplayMapping mapping;
  private final ModelVocabulary vocabulary;
  /** The {@code values} of the mapped event of the line being resolved: they win over the mapping's own. */
  private Map<String, String> lineValues = Map.of();

  EventResolver(ReplayMapping mapping, ModelVocabulary vocabulary) {
    this.mapping = mapping;
    this.vocabulary = vocabulary;
  }

  LogEvent resolve(LogLine line, int log) throws LogError {
    ObjectNode j = line.json();
    Long clock = null;
    String ck = mapping.clockKey();
    if (j.has(ck) && !j.get(ck).isNull()) {
      if (!j.get(ck).canConvertToLong() || !j.get(ck).isIntegralNumber()) {
        throw line.error(ck, "'" + ck + "' must be a whole number (a timestamp or a Lamport clock)");
      }
      clock = j.get(ck).asLong();
    }
    JsonNode event = j.get(mapping.eventKey());
    ReplayMapping.EventMap em = event != null && event.isTextual() ? mapping.events().get(event.asText()) : null;
    lineValues = em == null ? Map.of() : em.values();
    Map<String, String> observed = observed(line);
    StepPattern step = step(line);
    return new LogEvent(line.file(), log, line.number(), step, observed, clock);
  }

  private StepPattern step(LogLine line) throws LogError {
    ObjectNode j = line.json();
    String key = mapping.eventKey();
    if (j.has(key)) {
      String name = text(line, key, j.get(key));
      ReplayMapping.EventMap em = mapping.events().get(name);
      Map<String, String> fields = otherFields(line, key);
      if (em == null) {
        if (!vocabulary.rules.containsKey(name)) {
          List<String> known = new ArrayList<>(mapping.events().keySet());
          known.addAll(vocabulary.rules.keySet());
          throw line.error(key, "unknown event '" + name + "': neither the mapping nor the model names it"
              + Suggestions.didYouMean(name, known));
        }
        return rule(line, List.of(name), fields);
      }
      Map<String, String> renamed = new HashMap<>();
      Set<String> own = new HashSet<>(vocabulary.messages.getOrDefault(em.kind(), List.of()));
      em.rules().forEach(r -> own.addAll(vocabulary.rules.getOrDefault(r, Map.of()).keySet()));
      fields.forEach((k, v) -> {
        if (em.fields().containsKey(k)) {
          renamed.put(em.fields().get(k), v);
        } else if (own.contains(k)) {
          renamed.put(k, v);
        } // any other field is the system's own (a reason, a transaction id): not the model's business
      });
      return !em.rules().isEmpty() ? rule(line, em.rules(), renamed)
          : message(line, em.action(), em.kind(), renamed, em.network());
    }
    if (j.has("rule")) {
      return rule(line, List.of(text(line, "rule", j.get("rule"))), object(line, "params"));
    }
    for (String verb : VERBS) {
      if (j.has(verb)) {
        String network = j.has("network") ? text(line, "network", j.get("network")) : null;
        return message(line, action(verb), text(line, verb, j.get(verb)), object(line, "fields"), network);
      }
    }
    if (j.has("state")) {
      return null;
    }
    throw line.error(null, "a log line needs one of '" + key + "', 'rule', 'send', 'receive', 'lose', 'duplicate'"
        + " or 'state'");
  }

  /** A step by one of the rules {@code names}; each parameter must be one of theirs, with one of its values. */
  private StepPattern rule(LogLine line, List<String> names, Map<String, String> params) throws LogError {
    Map<String, Set<String>> known = new HashMap<>(); // parameter to the values it has in any of the rules
    for (String name : names) {
      Map<String, Set<String>> own = vocabulary.rules.get(name);
      if (own == null) {
        throw line.error(null, "the model has no rule '" + name + "'"
            + Suggestions.didYouMean(name, vocabulary.rules.keySet()));
      }
      own.forEach((p, v) -> known.computeIfAbsent(p, x -> new TreeSet<>()).addAll(v));
    }
    String which = names.size() == 1 ? "rule '" + names.get(0) + "'" : "rules '" + String.join("', '", names) + "'";
    for (Map.Entry<String, String> p : params.entrySet()) {
      Set<String> values = known.get(p.getKey());
      if (values == null) {
        throw line.error(p.getKey(), which + " " + (names.size() == 1 ? "has" : "have") + " no parameter '"
            + p.getKey() + "'" + (known.isEmpty() ? " (" + (names.size() == 1 ? "it has" : "they have") + " none)"
                : " (parameters: " + String.join(", ", new TreeSet<>(known.keySet())) + ")"));
      }
      if (!values.contains(p.getValue())) {
        throw line.error(p.getKey(), "'" + p.getValue() + "' is not a value of parameter " + p.getKey() + " of "
            + which + " (its values: " + shortList(values) + ")");
      }
    }
    return StepPattern.rules(names, params);
  }

  private StepPattern message(LogLine line, MessageEvent.Action action, String kind, Map<String, String> fields,
      String network) throws LogError {
    if (network != null && !vocabulary.networks.contains(network)) {
      throw line.error("network", "the model has no network '" + network + "'"
          + Suggestions.didYouMean(network, vocabulary.networks));
    }
    List<String> known = vocabulary.messages.get(kind);
    if (known == null) {
      throw line.error(null, "the model has no message kind '" + kind + "'"
          + Suggestions.didYouMean(kind, vocabulary.messages.keySet()));
    }
    for (String f : fields.keySet()) {
      if (!known.contains(f)) {
        throw line.error(f, "message " + kind + " has no field '" + f + "' (its fields: "
            + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
      }
    }
    return StepPattern.message(action, kind, fields, network);
  }

  private Map<String, String> observed(LogLine line) throws LogError {
    Map<String, String> out = new HashMap<>();
    JsonNode state = line.json().get("state");
    if (state == null || state.isNull()) {
      return out;
    }
    if (!state.isObject()) {
      throw line.error("state", "'state' must be an object of variable designators to values");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = state.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull()) {
        continue;
      }
      String designator = designator(e.getKey());
      if (!vocabulary.designators.isEmpty() && !vocabulary.designators.contains(designator)) {
        throw line.error(e.getKey(), "the model's state has no '" + designator + "'"
            + (designator.equals(e.getKey()) ? "" : " (written '" + e.getKey() + "' in the log)")
            + Suggestions.didYouMean(designator, vocabulary.designators));
      }
      out.put(designator, value(line, e.getKey(), e.getValue()));
    }
    return out;
  }

  /** A system designator such as {@code currentTerm[n1]} in the model's words ({@code term[Node_1]}). */
  String designator(String system) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < system.length() && system.charAt(i) != '[' && system.charAt(i) != '.') {
      i++;
    }
    String head = system.substring(0, i);
    out.append(mapping.variables().getOrDefault(head, head));
    while (i < system.length()) {
      char c = system.charAt(i);
      if (c == '[') {
        int close = system.indexOf(']', i);
        if (close < 0) {
          out.append(system.substring(i));
          break;
        }
        out.append('[').append(word(system.substring(i + 1, close).strip())).append(']');
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private Map<String, String> object(LogLine line, String key) throws LogError {
    Map<String, String> out = new HashMap<>();
    JsonNode o = line.json().get(key);
    if (o == null || o.isNull()) {
      return out;
    }
    if (!o.isObject()) {
      throw line.error(key, "'" + key + "' must be an object of names to values");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isNull()) {
        out.put(e.getKey(), value(line, e.getKey(), e.getValue()));
      }
    }
    return out;
  }

  /** The fields of an event named by the event key: every key of the line but it, {@code state} and the clock. */
  private Map<String, String> otherFields(LogLine line, String eventKey) throws LogError {
    Map<String, String> out = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = line.json().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      if (!k.equals(eventKey) && !k.equals("state") && !k.equals(mapping.clockKey()) && !e.getValue().isNull()) {
        out.put(k, value(line, k, e.getValue()));
      }
    }
    return out;
  }

  private String value(LogLine line, String key, JsonNode v) throws LogError {
    if (v.isIntegralNumber()) {
      return v.asText();
    }
    if (v.isBoolean()) {
      return v.asBoolean() ? "true" : "false";
    }
    if (v.isTextual()) {
      return word(v.asText());
    }
    throw line.error(key, "the value of '" + key + "' must be a string, a whole number or a boolean");
  }

  /** A system value in the model's words: the line's event's own {@code values} first, then the mapping's. */
  private String word(String v) {
    String w = lineValues.get(v);
    return w != null ? w : mapping.value(v);
  }

  private static String text(LogLine line, String key, JsonNode v) throws LogError {
    if (!v.isTextual()) {
      throw line.error(key, "'" + key + "' must be a string");
    }
    return v.asText();
  }

  private static MessageEvent.Action action(String verb) {
    return switch (verb) {
      case "send" -> MessageEvent.Action.SENT;
      case "receive" -> MessageEvent.Action.RECEIVED;
      case "lose" -> MessageEvent.Action.LOST;
      default -> MessageEvent.Action.DUPLICATED;
    };
  }

  private static String shortList(Set<String> values) {
    List<String> l = new ArrayList<>(values);
    return l.size() <= 8 ? String.join(", ", l) : String.join(", ", l.subList(0, 8)) + ", ...";
  }
}
