package io.ballot.cli.report;

import java.util.Locale;

/** How much of each counterexample the text report prints: Rumur's {@code --counterexample-trace}. */
public enum TraceMode {
  /** Every variable of every state. */
  FULL,
  /** The first state in full, then only the variables each step changed (Rumur's default). */
  DIFF,
  /** No trace: only each violation's header. */
  OFF;

  /** The option value, e.g. {@code diff}. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
