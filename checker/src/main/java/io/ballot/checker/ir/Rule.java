package io.ballot.checker.ir;

import java.util.List;

/**
 * A transition rule, flattened out of its rulesets, aliases and chooses ({@code binders}, outermost first). One
 * rule instance exists per combination of quantifier values. {@code guard} is null when the rule has none.
 * {@code priority} is CMurphi's {@code rule N "name"} (0 when absent): in a state, of the enabled rule instances only
 * those of the smallest priority fire.
 */
public record Rule(
    String name,
    List<Binder> binders,
    Expr guard,
    List<Local> locals,
    List<Stmt> body,
    SourceLocation location,
    int priority) {

  /** A rule of the default priority, 0. */
  public Rule(String name, List<Binder> binders, Expr guard, List<Local> locals, List<Stmt> body,
      SourceLocation location) {
    this(name, binders, guard, locals, body, location, 0);
  }
}
