package io.ballot.checker;

/** Receives progress during a check (from one thread at a time). */
public interface ProgressListener {
  /** States found, rules fired, current BFS depth, states waiting, seconds since the start, bytes of state storage. */
  void progress(long states, long rulesFired, int depth, long queued, double seconds, long bytes);

  ProgressListener NONE = (s, r, d, q, t, b) -> {};
}
