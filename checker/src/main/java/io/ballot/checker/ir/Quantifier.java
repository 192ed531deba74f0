package io.ballot.checker.ir;

/**
 * A bound name ranging over the values of a simple type ({@code type} set, {@code from/to/step} null) or over
 * {@code from to to by step} ({@code type} null; {@code step} null means 1).
 */
public record Quantifier(Local variable, Type type, Expr from, Expr to, Expr step, SourceLocation location)
    implements Binder {

  /** True when the quantifier ranges over a type rather than an explicit range. */
  public boolean overType() {
    return type != null;
  }
}
