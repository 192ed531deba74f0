package io.ballot.checker.ir;

/** CMurphi {@code choose i : ms}: one instance for every occupied slot {@code i} of multiset {@code ms}. */
public record Choose(Local index, Expr multiset, SourceLocation location) implements Binder {}
