package io.ballot.dsl.api;

/** How serious a diagnostic is: errors reject the model, warnings do not. */
public enum Severity {
  ERROR,
  WARNING;

  /** The word printed in {@code file:line:col: error: ...}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
