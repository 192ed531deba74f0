package io.ballot.checker.explore.disk;

/**
 * A direct-mapped cache of states known to be seen (found new, or found on disk, recently): a successor found here
 * is dropped at once, without taking a place in the candidate table nor a disk lookup. A slot keeps the last state
 * put there; a miss says nothing. The slot comes from the hash's high bits within the partition's range, so the states
 * a batch puts, in the disk order, fill it forward.
 */
final class RecentStates {
  private final int words;
  private final long[] tags; // the hash, with its low bit set; 0: empty
  private final long[] states;
  private final int parts;

  /**
   * A cache of {@code slots} slots (at least 16, at most 2^26) for the states of one of {@code parts} partitions
   * ({@link Partition#of}).
   */
  RecentStates(int words, long slots, int parts) {
    int n = (int) Math.max(16, Math.min(1 << 26, slots));
    this.words = words;
    this.tags = new long[n];
    this.states = new long[n * words];
    this.parts = parts;
  }

  /** The slot of hash {@code h}: its place in the partition's hash range, scaled to the slots. */
  private int slot(long h) {
    return (int) ((((h * parts) >>> 32) * tags.length) >>> 32);
  }

  long bytes() {
    return tags.length * 8L * (words + 1);
  }

  boolean contains(long h, long[] s, int off) {
    int slot = slot(h);
    if (tags[slot] != (h | 1)) {
      return false;
    }
    int base = slot * words;
    for (int i = 0; i < words; i++) {
      if (states[base + i] != s[off + i]) {
        return false;
      }
    }
    return true;
  }

  void put(long h, long[] s, int off) {
    int slot = slot(h);
    tags[slot] = h | 1;
    System.arraycopy(s, off, states, slot * words, words);
  }
}
