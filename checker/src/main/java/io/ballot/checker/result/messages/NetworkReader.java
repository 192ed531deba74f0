package io.ballot.checker.result.messages;

import io.ballot.checker.ir.NetworkInfo;
import io.ballot.checker.result.VariableValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a network's messages out of a rendered state (its leaves, as {@code StateRenderer} prints them): the
 * multiset slots {@code net{3}.kind} of an unordered network, the queues {@code ch[a][b].count} and
 * {@code ch[a][b].slot[0].f} of an ordered one, the flags {@code msgs.Prepared[r1]} of a set network.
 */
final class NetworkReader {
  private static final String KIND = "kind";

  /** One network in one state: its queues (one, unnamed, except for an ordered network) and its multiset slots. */
  record Read(List<NetworkContents> queues, Map<Long, Message> slots) {

    /** This state's version of queue {@code q} (the same network, sender and receiver), or null. */
    NetworkContents queue(NetworkContents q) {
      return queues.stream().filter(o -> java.util.Objects.equals(o.from(), q.from())
          && java.util.Objects.equals(o.to(), q.to())).findFirst().orElse(null);
    }
  }

  private final NetworkInfo net;

  NetworkReader(NetworkInfo net) {
    this.net = net;
  }

  Read read(List<VariableValue> state) {
    return switch (net.kind()) {
      case SET -> readSet(state);
      case UNORDERED -> readUnordered(state);
      case ORDERED -> readOrdered(state);
    };
  }

  private Read readSet(List<VariableValue> state) {
    String prefix = net.name() + ".";
    List<Message> out = new ArrayList<>();
    for (VariableValue v : state) {
      if (!v.name().startsWith(prefix) || !v.value().equals("true")) {
        continue;
      }
      String rest = v.name().substring(prefix.length());
      int bracket = rest.indexOf('[');
      NetworkInfo.MessageKind kind = net.message(bracket < 0 ? rest : rest.substring(0, bracket));
      if (kind == null) {
        continue;
      }
      List<String> indexes = indexes(bracket < 0 ? "" : rest.substring(bracket));
      List<Message.Field> fields = new ArrayList<>();
      for (int i = 0; i < kind.fields().size() && i < indexes.size(); i++) {
        fields.add(new Message.Field(kind.fields().get(i), indexes.get(i)));
      }
      out.add(new Message(kind.name(), fields));
    }
    return new Read(List.of(new NetworkContents(net.name(), null, null, List.copyOf(out))), Map.of());
  }

  private Read readUnordered(List<VariableValue> state) {
    String prefix = net.name() + "{";
    Map<Long, Map<String, String>> records = new TreeMap<>();
    for (VariableValue v : state) {
      if (!v.name().startsWith(prefix)) {
        continue;
      }
      int close = v.name().indexOf('}', prefix.length());
      int dot = v.name().indexOf('.', close);
      if (close < 0 || dot != close + 1) {
        continue;
      }
      long slot = Long.parseLong(v.name().substring(prefix.length(), close));
      records.computeIfAbsent(slot, k -> new LinkedHashMap<>()).put(v.name().substring(dot + 1), v.value());
    }
    Map<Long, Message> slots = new LinkedHashMap<>();
    records.forEach((slot, r) -> {
      Message m = message(r);
      if (m != null) {
        slots.put(slot, m);
      }
    });
    List<Message> sorted = new ArrayList<>(slots.values());
    sorted.sort(order());
    return new Read(List.of(new NetworkContents(net.name(), null, null, List.copyOf(sorted))), slots);
  }

  private Read readOrdered(List<VariableValue> state) {
    String prefix = net.name() + "[";
    // queue "a][b" -> its leaves below the queue record: "count", "slot[0].kind", ...
    Map<List<String>, Map<String, String>> queues = new LinkedHashMap<>();
    for (VariableValue v : state) {
      if (!v.name().startsWith(prefix)) {
        continue;
      }
      int firstClose = v.name().indexOf(']', prefix.length());
      int secondOpen = firstClose + 1;
      int secondClose = v.name().indexOf(']', secondOpen);
      if (firstClose < 0 || secondClose < 0 || v.name().charAt(secondOpen) != '['
          || secondClose + 1 >= v.name().length() || v.name().charAt(secondClose + 1) != '.') {
        continue;
      }
      List<String> key = List.of(v.name().substring(prefix.length(), firstClose),
          v.name().substring(secondOpen + 1, secondClose));
      queues.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(v.name().substring(secondClose + 2), v.value());
    }
    List<NetworkContents> out = new ArrayList<>();
    queues.forEach((key, leaves) -> {
      int count = parseCount(leaves.get("count"));
      List<Message> messages = new ArrayList<>();
      for (int k = 0; k < count; k++) {
        String slot = "slot[" + k + "].";
        Map<String, String> r = new LinkedHashMap<>();
        leaves.forEach((name, value) -> {
          if (name.startsWith(slot)) {
            r.put(name.substring(slot.length()), value);
          }
        });
        Message m = message(r);
        if (m != null) {
          messages.add(m);
        }
      }
      out.add(new NetworkContents(net.name(), key.get(0), key.get(1), List.copyOf(messages)));
    });
    return new Read(List.copyOf(out), Map.of());
  }

  private static int parseCount(String count) {
    try {
      return count == null ? 0 : Integer.parseInt(count);
    } catch (NumberFormatException e) {
      return 0; // undefined
    }
  }

  /** The message a record's leaves ({@code kind}, then the fields) hold, or null when its kind is undefined. */
  private Message message(Map<String, String> record) {
    NetworkInfo.MessageKind kind = net.message(record.get(KIND));
    if (kind == null) {
      return null;
    }
    List<Message.Field> fields = new ArrayList<>();
    for (String f : kind.fields()) {
      fields.add(new Message.Field(f, record.containsKey(f) ? record.get(f) : compound(record, f)));
    }
    return new Message(kind.name(), fields);
  }

  /** A field of an array or record type, {@code {[0]: 1, [1]: 2}} from its leaves {@code f[0]}, {@code f[1]}. */
  private static String compound(Map<String, String> record, String field) {
    List<String> parts = new ArrayList<>();
    record.forEach((name, value) -> {
      if (name.startsWith(field) && name.length() > field.length() && ".[".indexOf(name.charAt(field.length())) >= 0) {
        String sub = name.substring(field.length());
        parts.add((sub.startsWith(".") ? sub.substring(1) : sub) + ": " + value);
      }
    });
    return parts.isEmpty() ? "Undefined" : "{" + String.join(", ", parts) + "}";
  }

  /** Declaration order of the kinds, then the text. */
  Comparator<Message> order() {
    List<String> kinds = net.messages().stream().map(NetworkInfo.MessageKind::name).toList();
    return Comparator.<Message>comparingInt(m -> kinds.indexOf(m.kind())).thenComparing(Message::toString);
  }

  /** {@code [a][b]} as {@code [a, b]}. */
  private static List<String> indexes(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length() && s.charAt(i) == '[') {
      int close = s.indexOf(']', i);
      if (close < 0) {
        break;
      }
      out.add(s.substring(i + 1, close));
      i = close + 1;
    }
    return out;
  }
}
