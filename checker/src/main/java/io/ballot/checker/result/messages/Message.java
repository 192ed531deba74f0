package io.ballot.checker.result.messages;

import java.util.List;
import java.util.stream.Collectors;

/** One message as the protocol names it: its kind and its fields' values, e.g. {@code Vote(src: Node_1, term: 1)}. */
public record Message(String kind, List<Field> fields) {

  /** A field of a message: its declared name and its value as text. */
  public record Field(String name, String value) {}

  /** {@code Kind(f1: v1, f2: v2)}, or {@code Kind} for a kind without fields. */
  @Override
  public String toString() {
    return fields.isEmpty()
        ? kind
        : fields.stream().map(f -> f.name() + ": " + f.value()).collect(Collectors.joining(", ", kind + "(", ")"));
  }
}
