package io.ballot.cluster;

import java.util.Arrays;

/**
 * The distinct successors bound for one partition, each with its least parent link (by parent state as signed words,
 * then rule: as {@link Node#least}, so the link kept depends on neither the order of arrival nor the partitioning).
 * Open addressing over primitive arrays: states, parents and rules end to end by insertion, and an index of slots.
 * Not thread-safe; one per task.
 */
final class StateTable {
  private final int words;
  private int size;
  private long[] states;
  private long[] parents;
  private int[] rules;
  private int[] slots; // index + 1, 0 = empty
  private int mask;

  /** An empty table of states of {@code words} words, sized for about {@code expected} of them. */
  StateTable(int words, int expected) {
    this.words = words;
    int n = Math.max(expected, 8);
    this.states = new long[n * words];
    this.parents = new long[n * words];
    this.rules = new int[n];
    int cap = Integer.highestOneBit(Math.max(16, n * 2 - 1)) << 1;
    this.slots = new int[cap];
    this.mask = cap - 1;
  }

  /** The number of distinct states. */
  int size() {
    return size;
  }

  /**
   * Adds state {@code s[off..off+words)} reached from {@code p[poff..]} by {@code rule}, or, when it is already here,
   * keeps the lesser of the two links.
   */
  void offer(long[] s, int off, long[] p, int poff, int rule) {
    int slot = slot(s, off);
    while (true) {
      int i = slots[slot] - 1;
      if (i < 0) {
        break;
      }
      if (Arrays.equals(states, i * words, (i + 1) * words, s, off, off + words)) {
        int c = Arrays.compare(p, poff, poff + words, parents, i * words, (i + 1) * words);
        if (c < 0 || (c == 0 && rule < rules[i])) {
          System.arraycopy(p, poff, parents, i * words, words);
          rules[i] = rule;
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
    if (size == rules.length) {
      int n = rules.length * 2;
      states = Arrays.copyOf(states, n * words);
      parents = Arrays.copyOf(parents, n * words);
      rules = Arrays.copyOf(rules, n);
    }
    System.arraycopy(s, off, states, size * words, words);
    System.arraycopy(p, poff, parents, size * words, words);
    rules[size] = rule;
    size++;
    slots[slot] = size;
    if (size * 2 > slots.length) {
      grow();
    }
  }

  /** Adds every state of {@code b} (a block of successors) with its link. */
  void offerAll(StateBlock b) {
    for (int i = 0; i < b.size; i++) {
      offer(b.states, i * words, b.parents, i * words, b.rules[i]);
    }
  }

  /** The states and links, as a block of successors (no blocked flags). */
  StateBlock toBlock() {
    return new StateBlock(words, size, Arrays.copyOf(states, size * words), Arrays.copyOf(parents, size * words),
        Arrays.copyOf(rules, size), null);
  }

  private int slot(long[] s, int off) {
    long h = PackedState.mix(s, off, words) * 0x9E3779B97F4A7C15L; // the high bits: a partition shares the low ones
    return (int) (h >>> 32) & mask;
  }

  private void grow() {
    slots = new int[slots.length * 2];
    mask = slots.length - 1;
    for (int i = 0; i < size; i++) {
      int slot = slot(states, i * words);
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = i + 1;
    }
  }
}
