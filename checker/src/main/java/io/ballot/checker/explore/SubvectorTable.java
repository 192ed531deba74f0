package io.ballot.checker.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The distinct values of one inner node of a {@link TreeStateTable} (a part of the state, or a pair of its parts'
 * ids), each given a stable id from 0 in the order first seen: the values in a {@code long[]} by id, and an
 * open-addressing index of ids (plus one; 0 = empty) probed linearly and doubled when three quarters full. Protocol
 * models repeat their parts, so such a table holds far fewer values than there are states.
 *
 * <p>Filled between the levels of a search, by one thread ({@link #intern}) or several ({@link #internShared}), and
 * only read during a level. {@link #find} is thread-safe at any time: a value is written before the index slot that
 * names it is published (a release write, read with an acquire read), and a grown array is published after it is
 * filled, the values' before the index's; a reader of a stale index only misses the newest values. Every byte is
 * reserved from the budget first; a table that cannot grow throws {@link MemoryLimitReached} and is left as it was.
 */
final class SubvectorTable {
  private static final int FIRST = 16;
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(int[].class);

  private final MemoryBudget budget;
  private volatile long[] values = new long[FIRST];
  private volatile int[] slots = new int[2 * FIRST];
  private int size;
  private long bytes;

  /** An empty table, its bytes reserved from {@code budget}. */
  SubvectorTable(MemoryBudget budget) {
    this.budget = budget;
    this.bytes = arrayBytes();
    budget.charge(bytes);
  }

  private long arrayBytes() {
    return 8L * values.length + 4L * slots.length + 32;
  }

  /** Values stored (so ids range over {@code 0 .. size() - 1}). */
  synchronized int size() {
    return size;
  }

  /** Bytes of the table's arrays, for memory accounting. */
  synchronized long bytes() {
    return bytes;
  }

  /** Gives the table's bytes back to the budget; the table is empty and not to be used after. */
  synchronized void dispose() {
    budget.release(bytes);
    bytes = 0;
    size = 0;
    values = new long[0];
    slots = new int[1];
  }

  static int hash(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32));
  }

  /** The id of {@code value}, or -1 when it was never interned. Thread-safe (see the class comment). */
  int find(long value) {
    int[] s = slots;
    int mask = s.length - 1;
    int i = hash(value) & mask;
    while (true) {
      int slot = (int) SLOT.getAcquire(s, i);
      if (slot == 0) {
        return -1;
      }
      // the values array read after the slot: one that holds the value the slot names (an array read before it may
      // be the one a growth replaced since, shorter)
      if (values[slot - 1] == value) {
        return slot - 1;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * The id of {@code value}, given the next id when it is new, when several threads intern at once: found without
   * the lock when it is there (most parts of a new state are), else interned under it.
   */
  int internShared(long value) {
    int id = find(value);
    if (id >= 0) {
      return id;
    }
    synchronized (this) {
      return intern(value);
    }
  }

  /** The id of {@code value}, given the next id when it is new. One thread at a time (or under this table's lock). */
  int intern(long value) {
    int[] s = slots;
    int mask = s.length - 1;
    int i = hash(value) & mask;
    while (true) {
      int slot = s[i];
      if (slot == 0) {
        break;
      }
      if (values[slot - 1] == value) {
        return slot - 1;
      }
      i = (i + 1) & mask;
    }
    if (size == Integer.MAX_VALUE - 1) {
      throw new IllegalStateException("more than 2^31 distinct parts of states in one table");
    }
    if (size == values.length || (size + 1) * 4L > s.length * 3L) {
      grow();
      return intern(value);
    }
    values[size] = value;
    SLOT.setRelease(s, i, ++size);
    return size - 1;
  }

  /** Doubles the values or the index (whichever is full), reserving the new array first. */
  private void grow() {
    if (size == values.length) {
      int length = values.length * 2;
      budget.reserve(8L * length);
      values = java.util.Arrays.copyOf(values, length);
      budget.release(8L * length / 2);
      bytes += 8L * length / 2;
    }
    if ((size + 1) * 4L > slots.length * 3L) {
      int length = slots.length * 2;
      budget.reserve(4L * length);
      int[] bigger = new int[length];
      int mask = length - 1;
      long[] v = values;
      for (int id = 0; id < size; id++) {
        int i = hash(v[id]) & mask;
        while (bigger[i] != 0) {
          i = (i + 1) & mask;
        }
        bigger[i] = id + 1;
      }
      slots = bigger;
      budget.release(4L * length / 2);
      bytes += 4L * length / 2;
    }
  }
}
