package io.ballot.checker.result;

import io.ballot.checker.ir.SourceLocation;
import java.util.List;

/**
 * One step of a counterexample: the start state or rule that fired (its name and quantifier values, e.g.
 * {@code p = 1}), the whole state it produced, leaf by leaf, and where that start state or rule is in the model
 * ({@code location}: null when unknown).
 */
public record TraceStep(String rule, List<String> parameters, List<VariableValue> state, SourceLocation location) {

  /** A step whose source location is unknown. */
  public TraceStep(String rule, List<String> parameters, List<VariableValue> state) {
    this(rule, parameters, state, null);
  }
}
