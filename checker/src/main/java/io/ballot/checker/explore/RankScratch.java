package io.ballot.checker.explore;

/**
 * The arrays {@link DiscoveryOrder#finishLevel} ranks a level with, kept from level to level and grown by half again
 * when a level needs more: allocated afresh per level they were garbage of about 24 bytes per state found, whose
 * collections and page faults cost more than the ranking itself. Their contents do not survive a call; one user at a
 * time.
 */
final class RankScratch {
  private int[] counts = new int[0];
  private int[] sorted = new int[0];

  /** At least {@code n} ints, for counts per parent. */
  int[] counts(int n) {
    if (counts.length < n) {
      counts = new int[grown(counts.length, n)];
    }
    return counts;
  }

  /** At least {@code n} ints, for the ranking itself (the old index per new one). */
  int[] sorted(int n) {
    if (sorted.length < n) {
      sorted = new int[grown(sorted.length, n)];
    }
    return sorted;
  }

  /** Bytes held by the arrays. */
  long bytes() {
    return 4L * (counts.length + sorted.length) + 2 * 16;
  }

  private static int grown(int had, int needed) {
    return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, had + (long) had / 2));
  }
}
