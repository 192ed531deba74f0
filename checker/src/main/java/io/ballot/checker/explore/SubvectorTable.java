package io.ballot.checker.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The distinct values of one inner node of a {@link TreeStateTable} (a pair of its children's references, {@code
 * left << 32 | right}), each given a stable id from 0 in the order first seen: the values by id in pages of
 * {@value #PAGE} (the first page doubles up to that size, then a page is added at a time: a grown table holds its
 * values at about their width each, not 1.5 times on average, and twice while copying, in one doubled array), and an
 * open-addressing index of ids probed linearly and grown by half when seven eighths full (so between 58 and 88 %
 * full, not 44 and 88 % as when doubled: of any length, a value's first slot is its hash scaled to the length). Protocol models repeat their
 * parts, so such a table holds far fewer values than there are states.
 *
 * <p>Narrow where the values allow: while both halves of every pair fit in 32 bits together (a node whose children
 * are inner nodes with fewer than tens of thousands of ids each, as Paxos's two largest tables), the values are
 * {@code int}s, {@code left << shift | right}, re-encoded with another shift or moved to {@code long}s when a pair
 * does not fit. An index slot is the id plus one in its low bits (as many as the index's length takes, so 0 is
 * empty) and the value's hash above them (its other bits choose the first slot), so that a probe reads a value only when the hash bits agree: the index
 * can then be fuller (seven eighths, not three quarters) without a cache miss per probe.
 *
 * <p>Filled between the levels of a search, by one thread ({@link #intern}) or several ({@link #internShared}), and
 * only read during a level. {@link #find} is thread-safe at any time: a value is written before the index slot that
 * names it is published (a release write, read with an acquire read), and grown or re-encoded values are published
 * (one immutable {@link Values}) before any slot names an id they added, the values' before the index's; a reader of
 * a stale index only misses the newest values. Every byte is reserved from the budget first; a table that cannot
 * grow throws {@link MemoryLimitReached} and is left as it was.
 */
final class SubvectorTable {
  private static final int FIRST = 16;
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(int[].class);
  private static final int PAGE_BITS = 13;
  private static final int PAGE = 1 << PAGE_BITS;
  private static final int PAGE_MASK = PAGE - 1;
  /** The index's longest length: ids plus one must stay below it, in its low bits. */
  private static final int MAX_SLOTS = 1 << 30;
  /** The index's first length. */
  private static final int FIRST_SLOTS = 2 * FIRST;
  /** Bytes of an array's header and of its reference in the pages' array, counted per page. */
  private static final int PAGE_OVERHEAD = 24;

  /**
   * The values by id, {@code pages[id >>> PAGE_BITS][id & PAGE_MASK]}, all pages full-sized but a lone first one:
   * {@code long}s, or {@code int}s {@code left << shift | right}. Replaced whole when pages are added or the values
   * re-encoded, so that a reader sees pages and encoding that agree.
   */
  private static final class Values {
    final long[][] longs;
    final int[][] ints;
    final int shift;

    Values(long[][] longs) {
      this.longs = longs;
      this.ints = null;
      this.shift = 0;
    }

    Values(int[][] ints, int shift) {
      this.longs = null;
      this.ints = ints;
      this.shift = shift;
    }

    boolean narrow() {
      return ints != null;
    }

    int pages() {
      return narrow() ? ints.length : longs.length;
    }

    /** Bytes per value. */
    int width() {
      return narrow() ? 4 : 8;
    }

    long get(int id) {
      if (longs != null) {
        return longs[id >>> PAGE_BITS][id & PAGE_MASK];
      }
      long v = ints[id >>> PAGE_BITS][id & PAGE_MASK] & 0xFFFF_FFFFL;
      return ((v >>> shift) << 32) | (v & ((1L << shift) - 1));
    }

    /** Whether {@code value} can be kept in this encoding. */
    boolean fits(long value) {
      return longs != null || ((value >>> 32) >>> (32 - shift) == 0 && (value & 0xFFFF_FFFFL) >>> shift == 0);
    }

    /** Writes {@code value} ({@link #fits}) at {@code id}, whose page exists. */
    void set(int id, long value) {
      if (longs != null) {
        longs[id >>> PAGE_BITS][id & PAGE_MASK] = value;
      } else {
        ints[id >>> PAGE_BITS][id & PAGE_MASK] = (int) (((value >>> 32) << shift) | (value & 0xFFFF_FFFFL));
      }
    }

    /** These values with one page more, or a lone first page of {@code length} (the pages themselves shared). */
    Values grown(int length) {
      if (longs != null) {
        return new Values(pages() == 1 && length > 0 ? new long[][] {java.util.Arrays.copyOf(longs[0], length)}
            : appended(longs, new long[PAGE]));
      }
      return new Values(pages() == 1 && length > 0 ? new int[][] {java.util.Arrays.copyOf(ints[0], length)}
          : appended(ints, new int[PAGE]), shift);
    }

    private static <T> T[] appended(T[] pages, T page) {
      T[] more = java.util.Arrays.copyOf(pages, pages.length + 1);
      more[pages.length] = page;
      return more;
    }
  }

  private final MemoryBudget budget;
  private volatile Values values = new Values(new int[][] {new int[FIRST]}, 16);
  private int capacity = FIRST;
  private volatile int[] slots = new int[FIRST_SLOTS];
  private int size;
  /** The greatest left and right halves interned, for a re-encoding. */
  private long maxLeft;
  private long maxRight;
  private long bytes;

  /** An empty table, its bytes reserved from {@code budget}. */
  SubvectorTable(MemoryBudget budget) {
    this.budget = budget;
    this.bytes = (long) values.width() * capacity + 4L * slots.length + PAGE_OVERHEAD + 48;
    budget.charge(bytes);
  }

  /** Values stored (so ids range over {@code 0 .. size() - 1}). */
  synchronized int size() {
    return size;
  }

  /** Bytes of the table's arrays, for memory accounting. */
  synchronized long bytes() {
    return bytes;
  }

  /** Slots of the index now (for tests). */
  synchronized int indexLength() {
    return slots.length;
  }

  /** Whether the values are kept as {@code int}s now (for tests). */
  synchronized boolean narrow() {
    return values.narrow();
  }

  /** Gives the table's bytes back to the budget; the table is empty and not to be used after. */
  synchronized void dispose() {
    budget.release(bytes);
    bytes = 0;
    size = 0;
    capacity = 0;
    values = new Values(new long[][] {new long[0]});
    slots = new int[1];
  }

  static int hash(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32));
  }

  /** The low bits of an index slot of {@code length} that hold an id plus one (below {@code length}). */
  private static int idMask(int length) {
    return -1 >>> Integer.numberOfLeadingZeros(length);
  }

  /** The first slot of a value of hash {@code h} in an index of {@code length}: bits of the hash other than its tag's. */
  private static int home(int h, int length) {
    return (int) (((Integer.rotateLeft(h, 16) & 0xFFFF_FFFFL) * length) >>> 32);
  }

  /** The id of {@code value}, or -1 when it was never interned. Thread-safe (see the class comment). */
  int find(long value) {
    int[] s = slots;
    int mask = idMask(s.length);
    int h = hash(value);
    int tag = h & ~mask;
    int i = home(h, s.length);
    while (true) {
      int slot = (int) SLOT.getAcquire(s, i);
      if (slot == 0) {
        return -1;
      }
      // the values read after the slot: ones that hold the value the slot names (read before it, they may be those
      // a growth replaced since, fewer)
      if ((slot & ~mask) == tag && values.get((slot & mask) - 1) == value) {
        return (slot & mask) - 1;
      }
      i = i + 1 == s.length ? 0 : i + 1;
    }
  }

  /**
   * The value of id {@code id} (below {@link #size()}, as seen by this thread: an id it was given, or read from a
   * record published after the id was). Thread-safe.
   */
  long get(int id) {
    return values.get(id);
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
    int mask = idMask(s.length);
    int h = hash(value);
    int tag = h & ~mask;
    int i = home(h, s.length);
    Values v = values;
    while (true) {
      int slot = s[i];
      if (slot == 0) {
        break;
      }
      if ((slot & ~mask) == tag && v.get((slot & mask) - 1) == value) {
        return (slot & mask) - 1;
      }
      i = i + 1 == s.length ? 0 : i + 1;
    }
    if (size == capacity || (size + 2) * 8L > s.length * 7L) {
      grow();
      return intern(value);
    }
    if (!v.fits(value)) {
      reencode(value);
      v = values;
    }
    v.set(size, value);
    maxLeft = Math.max(maxLeft, value >>> 32);
    maxRight = Math.max(maxRight, value & 0xFFFF_FFFFL);
    SLOT.setRelease(s, i, tag | ++size);
    return size - 1;
  }

  /**
   * Re-encodes the values so that {@code value} fits too: {@code int}s with another shift when the widest left and
   * right halves still fit in 32 bits together (the room left split between them), else {@code long}s.
   */
  private void reencode(long value) {
    int leftBits = 64 - Long.numberOfLeadingZeros(Math.max(maxLeft, value >>> 32));
    int rightBits = 64 - Long.numberOfLeadingZeros(Math.max(maxRight, value & 0xFFFF_FFFFL));
    Values old = values;
    int pages = old.pages();
    int pageLength = pages == 1 ? capacity : PAGE;
    boolean narrow = leftBits + rightBits <= 32;
    long had = (long) old.width() * pages * pageLength;
    long needed = (narrow ? 4L : 8L) * pages * pageLength;
    budget.reserve(needed); // both encodings are held while copying
    Values fresh = narrow ? new Values(new int[pages][pageLength], rightBits + (32 - leftBits - rightBits) / 2)
        : new Values(new long[pages][pageLength]);
    for (int id = 0; id < size; id++) {
      fresh.set(id, old.get(id));
    }
    values = fresh; // published before any slot names an id written in the new encoding
    budget.release(had);
    bytes += needed - had;
  }

  /**
   * Adds room for values (doubles a lone first page, or adds a page) or doubles the index, whichever is full,
   * reserving the new array first.
   */
  private void grow() {
    if (size == capacity) {
      Values v = values;
      int width = v.width();
      if (v.pages() == 1 && capacity < PAGE) {
        int length = capacity * 2;
        budget.reserve((long) width * length);
        values = v.grown(length);
        budget.release((long) width * capacity);
        bytes += (long) width * capacity;
        capacity = length;
      } else {
        budget.reserve((long) width * PAGE + PAGE_OVERHEAD);
        values = v.grown(0); // published before any slot names an id in the new page
        bytes += (long) width * PAGE + PAGE_OVERHEAD;
        capacity += PAGE;
      }
    }
    if ((size + 2) * 8L > slots.length * 7L) {
      if (slots.length >= MAX_SLOTS) {
        throw new IllegalStateException("more than " + MAX_SLOTS / 8 * 7 + " distinct parts of states in one table");
      }
      int old = slots.length;
      int length = (int) Math.min(MAX_SLOTS, old + old / 2L);
      budget.reserve(4L * length);
      int[] bigger = new int[length];
      int mask = idMask(length);
      Values v = values;
      for (int id = 0; id < size; id++) {
        int h = hash(v.get(id));
        int i = home(h, length);
        while (bigger[i] != 0) {
          i = i + 1 == length ? 0 : i + 1;
        }
        bigger[i] = (h & ~mask) | (id + 1);
      }
      slots = bigger;
      budget.release(4L * old);
      bytes += 4L * (length - old);
    }
  }
}
