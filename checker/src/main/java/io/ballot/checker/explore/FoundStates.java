package io.ballot.checker.explore;

/**
 * The states of the levels already found, kept as values with no ids (so no parent links: those stay in the {@link
 * StateStore}): the exact set behind {@link InlineSeenSet}. Filled by one thread between levels; {@link #contains} is
 * thread-safe between calls of {@link #add}.
 */
interface FoundStates {
  /** Whether {@code state} was added. */
  boolean contains(long[] state);

  /**
   * Adds {@code state}; returns whether it was new. Throws {@link MemoryLimitReached} when the set cannot grow to
   * hold it (the states added before stay).
   */
  boolean add(long[] state);

  /** Bytes the set holds, for memory accounting. */
  long bytes();
}
