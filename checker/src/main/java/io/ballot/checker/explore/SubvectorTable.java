package io.ballot.checker.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The distinct values of one inner node of a {@link TreeStateTable} (a part of the state, or a pair of its parts'
 * ids), each given a stable id from 0 in the order first seen: the values by id in pages of {@value #PAGE}
 * {@code long}s (the first page doubles up to that size, then a page is added at a time: a grown table holds its
 * values in about 8 bytes each, not 12 on average, and 16 while copying, in one doubled array), and an
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
  private static final int PAGE_BITS = 13;
  private static final int PAGE = 1 << PAGE_BITS;
  private static final int PAGE_MASK = PAGE - 1;
  /** The values by id: {@code pages[id >>> PAGE_BITS][id & PAGE_MASK]}; all pages full-sized but a lone first one. */
  private volatile long[][] pages = {new long[FIRST]};
  private int capacity = FIRST;
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
    return 8L * capacity + 4L * slots.length + 24L * pages.length + 48;
  }

  private static long value(long[][] p, int id) {
    return p[id >>> PAGE_BITS][id & PAGE_MASK];
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
    capacity = 0;
    pages = new long[][] {new long[0]};
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
      // the pages read after the slot: ones that hold the value the slot names (read before it, they may be those a
      // growth replaced since, fewer)
      if (value(pages, slot - 1) == value) {
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
      if (value(pages, slot - 1) == value) {
        return slot - 1;
      }
      i = (i + 1) & mask;
    }
    if (size == Integer.MAX_VALUE - 1) {
      throw new IllegalStateException("more than 2^31 distinct parts of states in one table");
    }
    if (size == capacity || (size + 1) * 4L > s.length * 3L) {
      grow();
      return intern(value);
    }
    long[][] p = pages;
    p[size >>> PAGE_BITS][size & PAGE_MASK] = value;
    SLOT.setRelease(s, i, ++size);
    return size - 1;
  }

  /**
   * Adds room for values (doubles a lone first page, or adds a page) or doubles the index, whichever is full,
   * reserving the new array first.
   */
  private void grow() {
    if (size == capacity) {
      long[][] p = pages;
      if (p.length == 1 && capacity < PAGE) {
        int length = capacity * 2;
        budget.reserve(8L * length);
        pages = new long[][] {java.util.Arrays.copyOf(p[0], length)};
        budget.release(8L * capacity);
        bytes += 8L * capacity;
        capacity = length;
      } else {
        budget.reserve(8L * PAGE + 24);
        long[][] more = java.util.Arrays.copyOf(p, p.length + 1);
        more[p.length] = new long[PAGE];
        pages = more; // published before any slot names an id in the new page
        bytes += 8L * PAGE + 24;
        capacity += PAGE;
      }
    }
    if ((size + 1) * 4L > slots.length * 3L) {
      int length = slots.length * 2;
      budget.reserve(4L * length);
      int[] bigger = new int[length];
      int mask = length - 1;
      long[][] p = pages;
      for (int id = 0; id < size; id++) {
        int i = hash(value(p, id)) & mask;
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
