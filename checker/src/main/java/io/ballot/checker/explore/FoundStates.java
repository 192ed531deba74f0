package io.ballot.checker.explore;

/**
 * The states of the levels already found, kept as values with no ids (so no parent links: those stay in the {@link
 * StateStore}): the exact set behind {@link InlineSeenSet}. Filled between levels (by {@link #addLevel}, on one
 * thread or several); {@link #contains} is thread-safe between fills.
 */
interface FoundStates {
  /** Whether {@code state} was added. */
  boolean contains(long[] state);

  /**
   * Whether {@code state} was added, asked by the thread that appends with {@code appender}: a set may keep that
   * thread's scratch there ({@link StateStore.Appender#scratch}) rather than in a thread-local.
   */
  default boolean contains(long[] state, StateStore.Appender appender) {
    return contains(state);
  }

  /**
   * Adds {@code state}; returns whether it was new. Not thread-safe. Throws {@link MemoryLimitReached} when the set
   * cannot grow to hold it (the states added before stay).
   */
  boolean add(long[] state);

  /**
   * Adds the states of ids {@code from .. limit - 1} of {@code store} (holes skipped), split among {@code parallel}'s
   * parts when the level is large enough (null: all on this thread). Throws {@link MemoryLimitReached} as {@link
   * #add} does.
   */
  void addLevel(StateStore store, int from, int limit, ParallelParts parallel);

  /** Bytes the set holds, for memory accounting. */
  long bytes();
}
