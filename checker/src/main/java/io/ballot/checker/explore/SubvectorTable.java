package io.ballot.checker.explore;

/**
 * The distinct values of one inner node of a {@link TreeStateTable} (a part of the state, or a pair of its parts'
 * ids), each given a stable id from 0 in the order first seen: the values in a {@code long[]} by id, and an
 * open-addressing index of ids (plus one; 0 = empty) probed linearly and doubled when three quarters full. Protocol
 * models repeat their parts, so such a table holds far fewer values than there are states.
 *
 * <p>Filled by one thread between the levels of a search and only read during a level ({@link #find} is then
 * thread-safe). Every byte is reserved from the budget first; a table that cannot grow throws {@link
 * MemoryLimitReached} and is left as it was.
 */
final class SubvectorTable {
  private static final int FIRST = 16;

  private final MemoryBudget budget;
  private long[] values = new long[FIRST];
  private int[] slots = new int[2 * FIRST];
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
  int size() {
    return size;
  }

  /** Bytes of the table's arrays, for memory accounting. */
  long bytes() {
    return bytes;
  }

  static int hash(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32));
  }

  /** The id of {@code value}, or -1 when it was never interned. Thread-safe between calls of {@link #intern}. */
  int find(long value) {
    int[] s = slots;
    long[] v = values;
    int mask = s.length - 1;
    int i = hash(value) & mask;
    while (true) {
      int slot = s[i];
      if (slot == 0) {
        return -1;
      }
      if (v[slot - 1] == value) {
        return slot - 1;
      }
      i = (i + 1) & mask;
    }
  }

  /** The id of {@code value}, given the next id when it is new. Not thread-safe (see the class comment). */
  int intern(long value) {
    int mask = slots.length - 1;
    int i = hash(value) & mask;
    while (true) {
      int slot = slots[i];
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
    if (size == values.length || (size + 1) * 4L > slots.length * 3L) {
      grow();
      return intern(value);
    }
    values[size] = value;
    slots[i] = ++size;
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
      for (int id = 0; id < size; id++) {
        int i = hash(values[id]) & mask;
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
