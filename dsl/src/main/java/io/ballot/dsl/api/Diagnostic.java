package io.ballot.dsl.api;

/**
 * One message about a model file. {@code line} and {@code column} are 1-based; both are 0 when the message is about
 * the file as a whole (missing, unreadable, not UTF-8). {@code length} is the number of characters the caret
 * underlines (at least 1 when the position is known).
 */
public record Diagnostic(Severity severity, String file, int line, int column, int length, String message) {

  /** True when this diagnostic points at a position inside the file. */
  public boolean hasPosition() {
    return line > 0;
  }

  /** {@code file:line:col: error: message}, or {@code file: error: message} without a position. */
  public String headline() {
    String where = hasPosition() ? file + ":" + line + ":" + column : file;
    return where + ": " + severity.label() + ": " + message;
  }
}
