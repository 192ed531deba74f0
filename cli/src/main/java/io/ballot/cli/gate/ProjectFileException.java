package io.ballot.cli.gate;

/** A project file that cannot be used: where ({@code file:line:col}, line and column 1-based) and why. */
public final class ProjectFileException extends Exception {
  private final String file;
  private final int line;
  private final int column;
  private final String problem;

  public ProjectFileException(String file, int line, int column, String problem) {
    super(file + ":" + line + ":" + column + ": error: " + problem);
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The problem without its location. */
  public String problem() {
    return problem;
  }
}
