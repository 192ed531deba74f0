package io.ballot.checker;

/**
 * Receives progress during a check: at the end of each level and every half second within one, from the thread
 * that runs the check (never from several threads at once). It may throw to cancel the check.
 */
public interface ProgressListener {
  /** States found, rules fired, current BFS depth, states waiting, seconds since the start, bytes of state storage. */
  void progress(long states, long rulesFired, int depth, long queued, double seconds, long bytes);

  /**
   * Whether the check should stop now, as at a time limit (the result is incomplete, with the states found so far).
   * Asked by the search's threads, often and concurrently: it must be cheap and thread-safe. By default, never.
   */
  default boolean stopRequested() {
    return false;
  }

  /**
   * A checkpoint was written ({@code --checkpoint}): the levels complete up to {@code depth}, {@code states} states
   * in it, {@code seconds} into the run. By default, nothing.
   */
  default void checkpointWritten(int depth, long states, double seconds) {}

  /** A cluster run ({@code --engine spark}) has shuffled {@code bytes} between its executors so far. By default, nothing. */
  default void shuffleBytes(long bytes) {}

  /** The last checkpoint could not be written ({@code reason}); the result stands. By default, nothing. */
  default void checkpointFailed(String reason) {}

  /**
   * The search's memory limit in bytes and where it comes from (e.g. {@code --memory}), told once when it starts,
   * before any {@link #progress}: the bytes reported there count against it. By default, ignored.
   */
  default void memoryLimit(long bytes, String source) {}

  /**
   * The states found so far ({@code states}) were moved from the id-indexed records to the tree-compressed store,
   * as the memory limit neared (states wider than 63 bits, docs/design.md, compact store): the bytes held went
   * from {@code bytesBefore} to {@code bytesAfter}. By default, ignored.
   */
  default void storeCompacted(long states, long bytesBefore, long bytesAfter) {}

  ProgressListener NONE = (s, r, d, q, t, b) -> {};
}
