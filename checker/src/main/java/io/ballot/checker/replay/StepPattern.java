package io.ballot.checker.replay;

import io.ballot.checker.result.messages.MessageEvent;
import java.util.Map;

/**
 * What a logged step says happened: the rule that fired ({@code rule}, null when the line names a message instead)
 * with the parameters it logged ({@code parameters}: parameter name to value text; those left out range over their
 * type), or a message moved ({@code action}, {@code kind}, the logged {@code fields}, and {@code network}, null for
 * any network). A step matches the pattern when everything it names agrees; what it leaves out is free.
 */
public record StepPattern(
    String rule, Map<String, String> parameters, MessageEvent.Action action, String kind,
    Map<String, String> fields, String network) {

  public StepPattern {
    parameters = Map.copyOf(parameters);
    fields = Map.copyOf(fields);
  }

  /** A rule fired, with the parameters the log gives. */
  public static StepPattern rule(String rule, Map<String, String> parameters) {
    return new StepPattern(rule, parameters, null, null, Map.of(), null);
  }

  /** A message was sent, received, lost or duplicated ({@code network} null: on any network). */
  public static StepPattern message(MessageEvent.Action action, String kind, Map<String, String> fields,
      String network) {
    return new StepPattern(null, Map.of(), action, kind, fields, network);
  }

  /** Whether the pattern names a message rather than a rule. */
  public boolean isMessage() {
    return rule == null;
  }

  /** The pattern as a reader would write it: {@code request vote(p: Node_1)} or {@code received Vote(term: 2)}. */
  public String describe() {
    String head = isMessage() ? action.word() + " " + kind : rule;
    Map<String, String> args = isMessage() ? fields : parameters;
    if (args.isEmpty()) {
      return head;
    }
    StringBuilder b = new StringBuilder(head).append('(');
    args.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> b.append(b.charAt(b.length() - 1) == '(' ? "" : ", ").append(e.getKey()).append(": ")
            .append(e.getValue()));
    return b.append(')').toString();
  }
}
