package io.ballot.checker.explore.disk;

import java.util.Arrays;

/**
 * The next level's candidates, in the order they were found, each with the parent and rule that found it first;
 * an equal candidate found later is dropped (in-memory duplicate detection). Bounded: when it is full the search
 * checks it against the states seen ({@link DiskSeenSet}) and empties it.
 */
final class CandidateTable {
  private static final int INITIAL = 1 << 12;
  final int words;
  /** The most candidates it holds: it grows to this by doubling. */
  final int maxCapacity;
  int capacity;
  long[] values;
  long[] hashes;
  int[] parents;
  int[] rules;
  /**
   * Per slot: the candidate's hash's high 32 bits, then its index + 1 (0: empty), so that a probe reads the values of
   * a candidate only when its hash may match (one cache miss per probe, not two).
   */
  private long[] slots;
  private int mask;
  int size;

  CandidateTable(int words, int maxCapacity) {
    this.words = words;
    this.maxCapacity = maxCapacity;
    allocate(Math.min(INITIAL, maxCapacity));
  }

  private void allocate(int cap) {
    capacity = cap;
    values = values == null ? new long[cap * words] : Arrays.copyOf(values, cap * words);
    hashes = hashes == null ? new long[cap] : Arrays.copyOf(hashes, cap);
    parents = parents == null ? new int[cap] : Arrays.copyOf(parents, cap);
    rules = rules == null ? new int[cap] : Arrays.copyOf(rules, cap);
    int n = Integer.highestOneBit(Math.max(2, cap) * 2 - 1) * 2;
    slots = new long[n];
    mask = n - 1;
    index();
  }

  /** Puts the first {@link #size} candidates into the empty slots. */
  private void index() {
    for (int i = 0; i < size; i++) {
      int slot = (int) hashes[i] & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = entry(hashes[i], i);
    }
  }

  /** Bytes per candidate, the index's share included. */
  static long entryBytes(int words) {
    return words * 8L + 8 + 4 + 4 + 16;
  }

  long bytes() {
    return capacity * entryBytes(words);
  }

  /** Whether it holds {@link #maxCapacity} candidates; short of that it grows. */
  boolean full() {
    if (size == capacity && capacity < maxCapacity) {
      allocate((int) Math.min(maxCapacity, 2L * capacity));
    }
    return size == capacity;
  }

  /** Adds state {@code s[off ..]} of hash {@code h} unless an equal one is present; returns whether it was added. */
  boolean add(long h, long[] s, int off, int parent, int rule) {
    int slot = (int) h & mask;
    while (true) {
      long e = slots[slot];
      if (e == 0) {
        break;
      }
      if ((e ^ h) >>> 32 == 0) { // equal values have equal hashes: comparing the values is enough
        int k = (int) e - 1;
        if (Arrays.equals(values, k * words, k * words + words, s, off, off + words)) {
          return false;
        }
      }
      slot = (slot + 1) & mask;
    }
    slots[slot] = entry(h, size);
    System.arraycopy(s, off, values, size * words, words);
    hashes[size] = h;
    parents[size] = parent;
    rules[size] = rule;
    size++;
    return true;
  }

  private static long entry(long h, int index) {
    return (h & 0xFFFFFFFF00000000L) | (index + 1L);
  }

  /** Keeps only the first {@code n} candidates (those found first). */
  void truncate(int n) {
    if (n < size) {
      Arrays.fill(slots, 0);
      size = n;
      index();
    }
  }

  void clear() {
    Arrays.fill(slots, 0);
    size = 0;
  }
}
