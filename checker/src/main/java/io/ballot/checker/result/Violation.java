package io.ballot.checker.result;

import io.ballot.checker.ir.SourceLocation;
import java.util.List;
import java.util.Locale;

/**
 * A property violation: its kind, the property's name (or a description), where in the model, a message, and the
 * shortest trace that leads there (empty for a cover that was never hit).
 */
public record Violation(
    ViolationKind kind, String property, SourceLocation location, String message, List<TraceStep> trace) {

  /**
   * The word a report heads the violation with: the kind in lower case, except that an {@link
   * ViolationKind#ASSERTION} that is not a failed {@code assert} (an {@code error} statement, a run-time error such
   * as a value out of range, a full network) is an {@code error}.
   */
  public String label() {
    if (kind == ViolationKind.ASSERTION && !message.startsWith("assertion \"")) {
      return "error";
    }
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
