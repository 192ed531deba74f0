package io.ballot.cli.replay;

/** A problem in a log or mapping file, at {@code file:line:col} (column 0: the whole line). */
public final class LogError extends Exception {
  private final String file;
  private final int line;
  private final int column;

  public LogError(String file, int line, int column, String message) {
    super(message, null, false, false);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /** {@code file:line:col: error: message}, as every located diagnostic of ballot reads. */
  public String render() {
    return file + ":" + line + (column > 0 ? ":" + column : "") + ": error: " + getMessage();
  }
}
