package io.ballot.checker.result.messages;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages a step dropped because their network (or queue) was full ({@code when full: drop}). Such a send
 * changes no state, so a trace cannot find it in the state's difference: the lowering makes the dropping branch
 * {@code put} a marker line and then the values it dropped ({@link #marker}), search ignores what rules put, and the
 * trace's replay of the step collects it ({@code TraceStep.output}), which {@link #read} turns back into messages.
 */
public final class FullDrops {
  private static final String PREFIX = "\u0000ballot:dropped-full ";

  private FullDrops() {}

  /** A message dropped at a full network: for an ordered network, {@code from} and {@code to} name its queue. */
  public record Drop(String network, String from, String to, Message message) {}

  /**
   * The marker line a dropping send puts before its values: the network, the kind, whether the values start with
   * the queue's sender and receiver ({@code queue}), and the field names (the values that follow, in order).
   */
  public static String marker(String network, String kind, boolean queue, List<String> fields) {
    return PREFIX + network + " " + kind + " " + (queue ? "queue" : "-") + (fields.isEmpty() ? "" : " ")
        + String.join(" ", fields);
  }

  /** The drops recorded in a step's {@code output} (the text its {@code put}s printed); other lines are skipped. */
  public static List<Drop> read(List<String> output) {
    List<Drop> out = new ArrayList<>();
    for (int i = 0; i < output.size(); i++) {
      String line = output.get(i);
      if (!line.startsWith(PREFIX)) {
        continue;
      }
      String[] words = line.substring(PREFIX.length()).split(" ");
      if (words.length < 3) {
        continue;
      }
      boolean queue = words[2].equals("queue");
      int values = words.length - 3 + (queue ? 2 : 0);
      if (i + values >= output.size()) {
        break;
      }
      List<String> v = output.subList(i + 1, i + 1 + values);
      int first = queue ? 2 : 0;
      List<Message.Field> fields = new ArrayList<>();
      for (int f = 3; f < words.length; f++) {
        fields.add(new Message.Field(words[f], v.get(first + f - 3)));
      }
      out.add(new Drop(words[0], queue ? v.get(0) : null, queue ? v.get(1) : null,
          new Message(words[1], List.copyOf(fields))));
      i += values;
    }
    return out;
  }
}
