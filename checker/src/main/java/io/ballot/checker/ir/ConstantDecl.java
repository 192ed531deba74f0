package io.ballot.checker.ir;

/** A named constant, already folded to its value (an enum or boolean constant holds its value number). */
public record ConstantDecl(String name, Type type, long value, SourceLocation location) {}
