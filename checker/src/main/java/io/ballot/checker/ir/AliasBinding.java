package io.ballot.checker.ir;

/** {@code alias name : value}: {@code name} denotes {@code value} (an l-value when value is one). */
public record AliasBinding(Local alias, Expr value, SourceLocation location) implements Binder {}
