package io.ballot.checker.replay;

import java.util.List;

/**
 * The outcome of a replay: {@code verdict}; the number of log events in all ({@code events}) and consumed along the
 * longest accepted prefix ({@code accepted}); the candidate-state count before the first event and after each
 * consumed one ({@code frontier}: how partial observability grows the search); the longest accepted prefix as a
 * model trace (empty for an accepted log); why the log was rejected ({@code rejection}, null unless {@link Verdict#REJECTED}); {@code seconds}.
 */
public record ReplayResult(
    Verdict verdict, int events, int accepted, int[] frontier, List<ReplayStep> trace, Rejection rejection,
    String stopReason, double seconds) {

  /** Whether some execution of the model produces the logs. */
  public enum Verdict {
    /** Some execution of the model produces every log (in some interleaving that keeps each log's order). */
    ACCEPTED,
    /** No execution does: {@link ReplayResult#rejection} says at which event and why. */
    REJECTED,
    /** The replay stopped before it could tell ({@link ReplayResult#stopReason}). */
    INCOMPLETE
  }

  /** The largest number of candidate states held at once. */
  public int peakFrontier() {
    int peak = 0;
    for (int f : frontier) {
      peak = Math.max(peak, f);
    }
    return peak;
  }
}
