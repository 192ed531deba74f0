package io.ballot.cluster;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The states of one partition reached so far (every level's), as a primitive open-addressing set: the seen set a
 * level's successors are deduplicated against, one per partition, cached on the executors. Immutable in use: the
 * next level's set is a copy with the new states added ({@link #with}), so a task Spark runs again finds the set it
 * had, and a lost set is rebuilt from its lineage.
 */
final class SeenSet implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int words;
  private int size;
  private long[] keys;
  private boolean[] used;
  private int mask;

  private SeenSet(int words, int capacity) {
    this.words = words;
    this.keys = new long[capacity * words];
    this.used = new boolean[capacity];
    this.mask = capacity - 1;
  }

  /** A set of states of {@code words} words holding those of {@code b}. */
  static SeenSet of(int words, StateBlock b) {
    SeenSet s = new SeenSet(words, capacity(b.size));
    s.addAll(b);
    return s;
  }

  /** A copy of this set with the states of {@code b} added; this set is left as it was. */
  SeenSet with(StateBlock b) {
    int cap = capacity(size + b.size);
    SeenSet s;
    if (cap == used.length) {
      s = new SeenSet(words, 0);
      s.keys = keys.clone();
      s.used = used.clone();
      s.mask = mask;
      s.size = size;
    } else {
      s = new SeenSet(words, cap);
      for (int i = 0; i < used.length; i++) {
        if (used[i]) {
          s.add(keys, i * words);
        }
      }
    }
    s.addAll(b);
    return s;
  }

  /** The number of states. */
  int size() {
    return size;
  }

  /** Whether state {@code a[off..off+words)} is in the set. */
  boolean contains(long[] a, int off) {
    for (int slot = slot(a, off); used[slot]; slot = (slot + 1) & mask) {
      if (Arrays.equals(keys, slot * words, (slot + 1) * words, a, off, off + words)) {
        return true;
      }
    }
    return false;
  }

  private void addAll(StateBlock b) {
    for (int i = 0; i < b.size; i++) {
      add(b.states, i * words);
    }
  }

  private void add(long[] a, int off) {
    int slot = slot(a, off);
    for (; used[slot]; slot = (slot + 1) & mask) {
      if (Arrays.equals(keys, slot * words, (slot + 1) * words, a, off, off + words)) {
        return;
      }
    }
    used[slot] = true;
    System.arraycopy(a, off, keys, slot * words, words);
    size++;
  }

  private int slot(long[] a, int off) {
    long h = PackedState.mix(a, off, words) * 0x9E3779B97F4A7C15L; // the high bits: a partition shares the low ones
    return (int) (h >>> 32) & mask;
  }

  /** A power of two at least twice {@code n} (load at most one half). */
  private static int capacity(int n) {
    return Integer.highestOneBit(Math.max(8, n) * 2 - 1) << 1;
  }
}
