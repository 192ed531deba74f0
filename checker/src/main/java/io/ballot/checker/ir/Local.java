package io.ballot.checker.ir;

/**
 * A name bound inside a rule, function or expression: a quantifier, a parameter, a local variable, an alias or a
 * multiset index. Identity matters (two locals may share a name in different scopes), so this is not a record.
 */
public final class Local {
  /** What bound the name. */
  public enum Kind {
    QUANTIFIER,
    PARAMETER,
    VAR_PARAMETER,
    VARIABLE,
    ALIAS,
    MULTISET_INDEX
  }

  private final String name;
  private final Kind kind;
  private final Type type;
  private final SourceLocation location;

  public Local(String name, Kind kind, Type type, SourceLocation location) {
    this.name = name;
    this.kind = kind;
    this.type = type;
    this.location = location;
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  /** The declared type (for an alias, the aliased expression's type; for a multiset index, the index range). */
  public Type type() {
    return type;
  }

  public SourceLocation location() {
    return location;
  }

  /** True when assigning through this name is allowed (variables, var parameters; aliases decide by target). */
  public boolean isWritable() {
    return kind == Kind.VARIABLE || kind == Kind.VAR_PARAMETER;
  }

  @Override
  public String toString() {
    return name;
  }
}
