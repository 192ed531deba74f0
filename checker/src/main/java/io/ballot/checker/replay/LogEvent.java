package io.ballot.checker.replay;

import java.util.Map;

/**
 * One line of a system's log, in the model's words (after the mapping): where it is ({@code log}, the log's index
 * among the replayed logs, and {@code line}), what happened ({@code step}: a rule instance or a message moved; null
 * for a line that only observes the state), what the system logged of its state after it ({@code observed}: full
 * designators such as {@code term[Node_1]} to values as the checker prints them) and its clock ({@code clock}: a
 * timestamp or Lamport clock, null when the line has none).
 */
public record LogEvent(String source, int log, int line, StepPattern step, Map<String, String> observed, Long clock) {

  public LogEvent {
    observed = Map.copyOf(observed);
  }

  /** {@code source:line}, as diagnostics print it. */
  public String where() {
    return source + ":" + line;
  }
}
