package io.ballot.checker.result.messages;

import io.ballot.checker.result.VariableValue;
import java.util.List;

/**
 * A trace step's messages: what the step sent, received, lost or duplicated ({@code events}), what each network
 * holds after it ({@code contents}, empty networks and queues too), and the names of the state variables that
 * encode networks ({@code variables}), which reports show as {@code contents} instead of leaf by leaf, and the
 * rule instance's parameters as the checker named it ({@code instanceParameters}: with the slot quantifiers that
 * the step's shown parameters leave out; for replaying a trace, never printed).
 */
public record StepMessages(
    List<MessageEvent> events, List<NetworkContents> contents, List<String> variables,
    List<String> instanceParameters) {

  /** Whether {@code leaf} (a full designator such as {@code net{0}.kind}) is part of a network's variable. */
  public boolean encodes(VariableValue leaf) {
    String n = leaf.name();
    for (String v : variables) {
      if (n.startsWith(v) && (n.length() == v.length() || "[.{".indexOf(n.charAt(v.length())) >= 0)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the model has more than one network, so that event lines name theirs. */
  public boolean severalNetworks() {
    return variables.size() > 1;
  }

  /** The contents entries that differ from {@code before}'s (all of them when {@code before} is null). */
  public List<NetworkContents> changedSince(StepMessages before) {
    if (before == null) {
      return contents;
    }
    return contents.stream().filter(c -> !before.contents().contains(c)).toList();
  }
}
