package io.ballot.checker.ir;

import java.util.List;

/**
 * A transition rule, flattened out of its rulesets, aliases and chooses ({@code binders}, outermost first). One
 * rule instance exists per combination of quantifier values. {@code guard} is null when the rule has none.
 */
public record Rule(
    String name,
    List<Binder> binders,
    Expr guard,
    List<Local> locals,
    List<Stmt> body,
    SourceLocation location) {}
