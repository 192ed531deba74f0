package io.ballot.checker.replay;

import io.ballot.checker.result.messages.MessageEvent;
import java.util.List;
import java.util.Map;

/**
 * What a logged step says happened: one of the rules {@code rules} fired (empty when the line names a message
 * instead; more than one when the system's event may be any of them) with the parameters it logged
 * ({@code parameters}: parameter name to value text; those left out range over their type), or a message moved
 * ({@code action}, {@code kind}, the logged {@code fields}, and {@code network}, null for any network). A step
 * matches the pattern when everything it names agrees; what it leaves out is free.
 */
public record StepPattern(
    List<String> rules, Map<String, String> parameters, MessageEvent.Action action, String kind,
    Map<String, String> fields, String network) {

  public StepPattern {
    rules = List.copyOf(rules);
    parameters = Map.copyOf(parameters);
    fields = Map.copyOf(fields);
  }

  /** A rule fired, with the parameters the log gives. */
  public static StepPattern rule(String rule, Map<String, String> parameters) {
    return rules(List.of(rule), parameters);
  }

  /** One of {@code rules} fired, with the parameters the log gives (each belongs to one or more of them). */
  public static StepPattern rules(List<String> rules, Map<String, String> parameters) {
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("a rule step names at least one rule");
    }
    return new StepPattern(rules, parameters, null, null, Map.of(), null);
  }

  /** A message was sent, received, lost or duplicated ({@code network} null: on any network). */
  public static StepPattern message(MessageEvent.Action action, String kind, Map<String, String> fields,
      String network) {
    return new StepPattern(List.of(), Map.of(), action, kind, fields, network);
  }

  /** Whether the pattern names a message rather than a rule. */
  public boolean isMessage() {
    return rules.isEmpty();
  }

  /** The rule's name, or the rules' names joined by "or" ({@code null} for a message). */
  public String rule() {
    return isMessage() ? null : String.join(" or ", rules);
  }

  /** The pattern as a reader would write it: {@code request vote(p: Node_1)} or {@code received Vote(term: 2)}. */
  public String describe() {
    String head = isMessage() ? action.word() + " " + kind : rule();
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
