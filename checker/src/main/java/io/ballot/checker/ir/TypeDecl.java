package io.ballot.checker.ir;

/** A named type, kept so that reporters and the formatter can print the user's names. */
public record TypeDecl(String name, Type type, SourceLocation location) {}
