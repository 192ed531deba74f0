package io.ballot.checker.ir;

import java.util.List;

/**
 * A top-level property ({@code invariant}, {@code assert}, {@code assume}, {@code cover}, {@code liveness}), one
 * instance per combination of its binders' values. {@code keyword} is the word the user wrote.
 */
public record Property(
    PropertyKind kind,
    String keyword,
    String name,
    List<Binder> binders,
    Expr condition,
    SourceLocation location) {}
