package io.ballot.checker.result.messages;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The messages in one network (or, for an ordered network, in its queue from {@code from} to {@code to}; null for
 * the other kinds) in one state: in queue order for an ordered network, else sorted by kind and text.
 */
public record NetworkContents(String network, String from, String to, List<Message> messages) {

  /** {@code net} or {@code ch[Node_1 -> Node_2]}: what the contents line is labelled with. */
  public String label() {
    return from == null ? network : network + "[" + from + " -> " + to + "]";
  }

  /** The messages as a list, {@code [Ping(src: Node_1), Pong(src: Node_2)]}; {@code []} when empty. */
  public String list() {
    return messages.stream().map(Message::toString).collect(Collectors.joining(", ", "[", "]"));
  }
}
