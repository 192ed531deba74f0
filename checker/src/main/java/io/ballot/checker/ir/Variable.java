package io.ballot.checker.ir;

/** A global state variable. */
public record Variable(String name, Type type, SourceLocation location) {}
