package io.ballot.checker.ir;

/**
 * A span of model source: the file as the user named it, 1-based line and column of the first character, and the
 * 1-based line and column just past the last one. Every IR node carries one so that the checker can report where.
 */
public record SourceLocation(String file, int line, int column, int endLine, int endColumn) {
  /** A location for things that have no source (built-ins). */
  public static final SourceLocation NONE = new SourceLocation("<builtin>", 0, 0, 0, 0);

  /** {@code file:line:col}, the form every reporter prints. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
