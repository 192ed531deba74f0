package io.ballot.checker;

/**
 * Receives progress during a check: at the end of each level and every half second within one, from the thread
 * that runs the check (never from several threads at once). It may throw to cancel the check.
 */
public interface ProgressListener {
  /** States found, rules fired, current BFS depth, states waiting, seconds since the start, bytes of state storage. */
  void progress(long states, long rulesFired, int depth, long queued, double seconds, long bytes);

  ProgressListener NONE = (s, r, d, q, t, b) -> {};
}
