package io.ballot.checker.result;

/** One leaf of a state, printed: {@code name} is a full designator such as {@code x[2].f}; value as text. */
public record VariableValue(String name, String value) {}
