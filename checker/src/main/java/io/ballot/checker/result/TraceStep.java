package io.ballot.checker.result;

import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.messages.StepMessages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a counterexample: the start state or rule that fired (its name and quantifier values, e.g.
 * {@code p = 1}), the whole state it produced, leaf by leaf, and where that start state or rule is in the model
 * ({@code location}: null when unknown), and, in a model with message-passing networks, the step's messages
 * ({@code messages}: null without networks). {@code output} is what the step's {@code put}s printed when the trace
 * replayed it, in order (where ballot's lowering records the messages a full network dropped, see
 * {@link io.ballot.checker.result.messages.FullDrops}); empty when nothing was put or the step was not replayed.
 */
public record TraceStep(
    String rule, List<String> parameters, List<VariableValue> state, SourceLocation location, StepMessages messages,
    List<String> output) {

  public TraceStep {
    output = output == null ? List.of() : List.copyOf(output);
  }

  /** A step with its messages and nothing put. */
  public TraceStep(
      String rule, List<String> parameters, List<VariableValue> state, SourceLocation location, StepMessages messages) {
    this(rule, parameters, state, location, messages, List.of());
  }

  /** A step without message information. */
  public TraceStep(String rule, List<String> parameters, List<VariableValue> state, SourceLocation location) {
    this(rule, parameters, state, location, null);
  }

  /** A step whose source location is unknown. */
  public TraceStep(String rule, List<String> parameters, List<VariableValue> state) {
    this(rule, parameters, state, null);
  }

  /**
   * The variables of this step's state whose value differs from the one they had in {@code before} (the previous
   * step; null for the first, when every variable counts as changed), in the state's order.
   */
  public List<VariableValue> changedSince(TraceStep before) {
    if (before == null) {
      return state;
    }
    Map<String, String> was = new HashMap<>();
    for (VariableValue v : before.state) {
      was.put(v.name(), v.value());
    }
    return state.stream().filter(v -> !v.value().equals(was.get(v.name()))).toList();
  }

  /** The rule instance's parameters as the checker names it, slot quantifiers included (to replay the step). */
  public List<String> instanceParameters() {
    return messages == null ? parameters : messages.instanceParameters();
  }

  /** The state's leaves without those that encode networks (shown as {@link #messages} instead): all without. */
  public List<VariableValue> plainState() {
    return messages == null ? state : state.stream().filter(v -> !messages.encodes(v)).toList();
  }

  /** {@link #changedSince}, without the leaves that encode networks. */
  public List<VariableValue> plainChangedSince(TraceStep before) {
    List<VariableValue> changed = changedSince(before);
    return messages == null ? changed : changed.stream().filter(v -> !messages.encodes(v)).toList();
  }
}
