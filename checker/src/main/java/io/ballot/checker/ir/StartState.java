package io.ballot.checker.ir;

import java.util.List;

/** A start state (one per combination of its binders' values), flattened like {@link Rule}. */
public record StartState(
    String name, List<Binder> binders, List<Local> locals, List<Stmt> body, SourceLocation location) {}
