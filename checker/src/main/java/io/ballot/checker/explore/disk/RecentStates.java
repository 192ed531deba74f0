package io.ballot.checker.explore.disk;

/**
 * A direct-mapped cache of states known to be seen (found new, or found on disk, recently): a successor found here
 * is dropped at once, without taking a place in the candidate table nor a disk lookup. A slot keeps the last state
 * put there; a miss says nothing.
 */
final class RecentStates {
  private final int words;
  private final long[] tags; // the hash, with its low bit set; 0: empty
  private final long[] states;
  private final int mask;

  /** A cache of {@code slots} slots (a power of two is used, at least 16). */
  RecentStates(int words, long slots) {
    int n = (int) Long.highestOneBit(Math.max(16, Math.min(1 << 26, slots)));
    this.words = words;
    this.tags = new long[n];
    this.states = new long[n * words];
    this.mask = n - 1;
  }

  long bytes() {
    return tags.length * 8L * (words + 1);
  }

  boolean contains(long h, long[] s, int off) {
    int slot = (int) (h >>> 7) & mask;
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
    int slot = (int) (h >>> 7) & mask;
    tags[slot] = h | 1;
    System.arraycopy(s, off, states, slot * words, words);
  }
}
