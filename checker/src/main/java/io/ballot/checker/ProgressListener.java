package io.ballot.checker;

/** Receives progress during a check; may be called from several worker threads at once. */
public interface ProgressListener {
  /** States found, rules fired, current BFS depth, states waiting, seconds since the start, bytes of state storage. */
  void progress(long states, long rulesFired, int depth, long queued, double seconds, long bytes);

  ProgressListener NONE = (s, r, d, q, t, b) -> {};
}
