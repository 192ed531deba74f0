package io.ballot.checker.explore;

/**
 * The arrays {@link DiscoveryOrder#finishLevel} ranks a level with. The ranking array (the old index per rank, then
 * the level's order until the next level is ranked) is kept from level to level, grown an eighth more than asked
 * when a level needs more, never cut back (the old and the new array would be held at once, at the level's end):
 * allocated afresh per level, the ranking's arrays were garbage of about 24 bytes per state found, whose collections
 * and page faults cost more than the ranking itself. (Grown by half again they held up to a third more than the
 * widest level needed.) The counts per parent are read by one ranking only, so they are given back after it ({@link
 * #dropCounts}): kept, they held 4 bytes per state of the widest level for the rest of the search. Their bytes are
 * reserved in a {@link MemoryBudget}. One user at a time.
 */
final class RankScratch {
  private final MemoryBudget budget;
  private int[] counts = new int[0];
  private int[] sorted = new int[0];
  /** The bytes of a ranking array replaced but perhaps still read (the order of the level expanded). */
  private long retired;

  /** Arrays whose bytes are reserved from {@code budget}. */
  RankScratch(MemoryBudget budget) {
    this.budget = budget;
  }

  /**
   * At least {@code n} ints, for counts per parent; {@link MemoryLimitReached} when a bigger array does not fit in the
   * budget.
   */
  int[] counts(int n) {
    if (counts.length < n) {
      budget.reserve(bytes(n));
      budget.release(bytes(counts.length)); // unread from here on
      counts = null; // collectable while the new one is allocated
      counts = new int[n];
    }
    return counts;
  }

  /** Gives the counts back: the ranking that read them is done. */
  void dropCounts() {
    budget.release(bytes(counts.length));
    counts = new int[0];
  }

  /**
   * At least {@code n} ints, for the ranking itself (the old index per new one); {@link MemoryLimitReached} when a
   * bigger array does not fit in the budget. The array it replaces stays reserved until {@link #dropRetired}.
   */
  int[] sorted(int n) {
    if (sorted.length < n) {
      int length = grown(n);
      budget.reserve(bytes(length));
      retired += bytes(sorted.length);
      sorted = new int[length];
    }
    return sorted;
  }

  /** Releases the ranking arrays replaced since the last call: nothing reads them any more. */
  void dropRetired() {
    budget.release(retired);
    retired = 0;
  }

  /** Bytes held by the arrays (a replaced ranking array included until {@link #dropRetired}). */
  long bytes() {
    return bytes(counts.length) + bytes(sorted.length) + retired;
  }

  private static long bytes(int length) {
    return length == 0 ? 0 : 4L * length + 16; // the empty arrays it starts with are not reserved
  }

  private static int grown(int needed) {
    return (int) Math.min(Integer.MAX_VALUE - 16, needed + (long) needed / 8);
  }
}
