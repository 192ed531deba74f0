package io.ballot.checker.result;

import java.util.List;

/**
 * One step of a counterexample: the start state or rule that fired (its name and quantifier values, e.g.
 * {@code p = 1}) and the whole state it produced, leaf by leaf.
 */
public record TraceStep(String rule, List<String> parameters, List<VariableValue> state) {}
