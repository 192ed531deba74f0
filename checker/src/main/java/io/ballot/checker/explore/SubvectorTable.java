package io.ballot.checker.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The distinct values of one inner node of a {@link TreeStateTable} (a pair of its children's references, {@code
 * left << 32 | right}), each given a stable id from 0 in the order first seen: the values by id in pages ({@link
 * SubvectorValues}: the first page doubles up to {@value SubvectorValues#PAGE} values, then a page is added at a
 * time, each packed in as few bytes as its values need), and an open-addressing index of ids, probed linearly and
 * grown by a quarter when seven eighths full (so between 70 and 88 % full: the index is most of a table's bytes; of
 * any length, a value's first slot is its hash scaled to the length). Protocol models repeat their parts, so such a
 * table holds far fewer values than there are states.
 *
 * <p>An index slot is the id plus one in its low bits (as many as the index's length takes, so 0 is empty), the
 * value's hash above them, so that a probe reads a value only when the hash bits agree, and a top bit set, so that
 * the slot's last byte is never 0 once it is filled: 3 bytes while the ids need at most 19 bits (four bits of hash
 * left), else 4. A slot is published by writing that last byte with a release write after the others, and read from
 * it with an acquire read. The index is rebuilt from the values, not from its old array, which is let go first:
 * growing never holds two indexes (on Raft-large a 10.9 MB index had put the search's high-water mark 7 MB above
 * what it held before and after).
 *
 * <p>Interned into by one thread ({@link #intern}) or several ({@link #internShared}). A value is written before the
 * index slot that names it is published (a release write, read with an acquire read), and pages added or re-encoded
 * are published (one immutable {@link SubvectorValues}) before any slot names an id they hold. {@link #find} is
 * thread-safe between interns; during them it may miss a value (the newest ones, or any while the index is rebuilt),
 * so a thread racing with interns confirms a miss under the lock, as {@link #internShared} does. Every byte is
 * reserved from the budget first; a table that cannot grow throws {@link MemoryLimitReached} and is left as it was.
 */
final class SubvectorTable {
  private static final int FIRST = 16;
  private static final VarHandle BYTE = MethodHandles.arrayElementVarHandle(byte[].class);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int PAGE = SubvectorValues.PAGE;
  /** The index's longest length: ids plus one stay below it, in at most 30 low bits. */
  private static final int MAX_SLOTS = 1 << 29;
  /** The most id bits of a 3-byte slot: four bits of hash are left beside the top bit. */
  private static final int NARROW_ID_BITS = 19;
  /** The index's first length. */
  private static final int FIRST_SLOTS = 2 * FIRST;
  /** An index with no entries, in place while the index is rebuilt: a find that reads it misses. */
  private static final Index REBUILDING = new Index(1);

  /** The index's slots and their layout; replaced whole when grown. */
  private static final class Index {
    final byte[] bytes;
    final int length;
    /** Bytes per slot: 3 or 4. */
    final int width;
    /** Low bits of a slot that hold an id plus one (below {@link #length}). */
    final int idBits;
    /** The hash bits a slot keeps above the id, and the top bit set. */
    final int tagBits;
    final int flag;
    final int slotMask;

    Index(int length) {
      this.length = length;
      this.idBits = 32 - Integer.numberOfLeadingZeros(length);
      this.width = width(length);
      this.tagBits = 8 * width - 1 - idBits;
      this.flag = 1 << (8 * width - 1);
      this.slotMask = width == 4 ? -1 : (1 << 24) - 1;
      this.bytes = new byte[width * length + 1]; // a slot is read as an int
    }

    /** Bytes per slot of an index of {@code length} slots: 3 while an id plus one fits 19 bits, else 4. */
    static int width(int length) {
      return 32 - Integer.numberOfLeadingZeros(length) <= NARROW_ID_BITS ? 3 : 4;
    }

    /** Bytes of an index of {@code length} slots, its array's header included. */
    static long bytes(int length) {
      return (long) width(length) * length + 1 + 16;
    }

    /** The slot's high part for a value of hash {@code h}: the top bit and the hash's top bits. */
    int tag(int h) {
      return flag | (h >>> (32 - tagBits)) << idBits;
    }

    /**
     * Slot {@code i}'s bits, read without a lock: 0 when empty. The last byte first, with acquire semantics (a plain
     * read and a fence: no VarHandle, whose guards the JIT does not always inline in the expansion loop), then the
     * others.
     */
    int read(int i) {
      int at = i * width;
      byte last = bytes[at + width - 1];
      VarHandle.acquireFence();
      if (last == 0) {
        return 0;
      }
      return (int) INT.get(bytes, at) & slotMask;
    }

    /** Slot {@code i}'s bits, under the lock (or before the index is published). */
    int readLocked(int i) {
      return (int) INT.get(bytes, i * width) & slotMask;
    }

    /** Publishes {@code slot} at {@code i}: its last byte, never 0, written after the others with a release write. */
    void write(int i, int slot) {
      put(i, slot, width - 1);
      BYTE.setRelease(bytes, i * width + width - 1, (byte) (slot >>> (8 * (width - 1))));
    }

    /** The first {@code count} bytes of {@code slot} at {@code i}, plain writes (all of them: before publication). */
    void put(int i, int slot, int count) {
      int at = i * width;
      for (int k = 0; k < count; k++) {
        bytes[at + k] = (byte) (slot >>> (8 * k));
      }
    }
  }

  /** Bytes of an array's header and of its reference in the pages' array, counted per page. */
  private static final int PAGE_OVERHEAD = 24;

  private final MemoryBudget budget;
  private volatile SubvectorValues values = SubvectorValues.first(FIRST, 0, 0);
  private int capacity = FIRST;
  private volatile Index index = new Index(FIRST_SLOTS);
  private int size;
  /** The greatest left and right halves interned, for a page's encoding. */
  private long maxLeft;
  private long maxRight;
  private long bytes;

  /** An empty table, its bytes reserved from {@code budget}. */
  SubvectorTable(MemoryBudget budget) {
    this.budget = budget;
    this.bytes = values.pageBytes(0) + PAGE_OVERHEAD + Index.bytes(FIRST_SLOTS) + 48;
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
    return index.length;
  }

  /** Bytes per slot of the index now (for tests). */
  synchronized int slotBytes() {
    return index.width;
  }

  /** Bytes per value in the page of id {@code id} (for tests). */
  synchronized int valueBytes(int id) {
    return values.width(id / PAGE);
  }

  /** Gives the table's bytes back to the budget; the table is empty and not to be used after. */
  synchronized void dispose() {
    budget.release(bytes);
    bytes = 0;
    size = 0;
    capacity = 0;
    values = SubvectorValues.first(0, 0, 0);
    index = REBUILDING;
  }

  static int hash(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32));
  }

  /** The first slot of a value of hash {@code h} in an index of {@code length}: bits of the hash other than its tag's. */
  private static int home(int h, int length) {
    return (int) (((Integer.rotateLeft(h, 16) & 0xFFFF_FFFFL) * length) >>> 32);
  }

  /** The id of {@code value}, or -1 when it is not found (see the class comment). Thread-safe. */
  int find(long value) {
    Index x = index;
    int h = hash(value);
    int tag = x.tag(h);
    int mask = (1 << x.idBits) - 1;
    int i = home(h, x.length);
    while (true) {
      int slot = x.read(i);
      if (slot == 0) {
        return -1;
      }
      // the values read after the slot: ones that hold the value the slot names (read before it, they may be those
      // a growth replaced since, fewer)
      if ((slot & ~mask) == tag && values.get((slot & mask) - 1) == value) {
        return (slot & mask) - 1;
      }
      i = i + 1 == x.length ? 0 : i + 1;
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
    Index x = index;
    int h = hash(value);
    int tag = x.tag(h);
    int mask = (1 << x.idBits) - 1;
    int i = home(h, x.length);
    SubvectorValues v = values;
    while (true) {
      int slot = x.readLocked(i);
      if (slot == 0) {
        break;
      }
      if ((slot & ~mask) == tag && v.get((slot & mask) - 1) == value) {
        return (slot & mask) - 1;
      }
      i = i + 1 == x.length ? 0 : i + 1;
    }
    if ((size + 2) * 8L > x.length * 7L) {
      growIndex();
      return intern(value);
    }
    if (size == capacity || !v.fitsLast(value)) {
      growValues(value);
      v = values;
    }
    v.set(size, value);
    maxLeft = Math.max(maxLeft, value >>> 32);
    maxRight = Math.max(maxRight, value & 0xFFFF_FFFFL);
    x.write(i, tag | ++size);
    return size - 1;
  }

  /**
   * Makes room for {@code value} as the next id: doubles a lone first page, or adds a page, when the values are
   * full, and re-encodes the last page when {@code value}'s halves do not fit its fields; the new array reserved
   * first. Publishes the new values (before any slot names the id).
   */
  private void growValues(long value) {
    SubvectorValues v = values;
    long left = Math.max(maxLeft, value >>> 32);
    long right = Math.max(maxRight, value & 0xFFFF_FFFFL);
    int last = v.pages() - 1;
    if (size == capacity && (last > 0 || capacity >= PAGE)) {
      SubvectorValues more = v.withPage(left, right);
      long added = more.pageBytes(last + 1) + PAGE_OVERHEAD;
      budget.reserve(added);
      values = more;
      bytes += added;
      capacity += PAGE;
      return;
    }
    int length = size == capacity ? capacity * 2 : last == 0 ? capacity : PAGE;
    int count = size - (last << SubvectorValues.PAGE_BITS);
    int[] e = v.fitsLast(value) ? null : SubvectorValues.encoding(left, right);
    long had = v.pageBytes(last);
    long needed = (long) (e == null ? v.width(last) : e[1]) * length + SubvectorValues.SLACK;
    budget.reserve(needed); // both arrays are held while copying: one page
    values = e == null ? v.withFirstLength(length, count) : v.withLastReEncoded(count, length, left, right);
    budget.release(had);
    bytes += needed - had;
    if (last == 0) {
      capacity = length;
    }
  }

  /**
   * Grows the index by a quarter, rebuilt from the values: the old array is let go first (finds meanwhile see {@link
   * #REBUILDING} and miss), so that the two are not held at once. When the new one cannot be reserved, the old one
   * is put back and {@link MemoryLimitReached} thrown.
   */
  private void growIndex() {
    Index old = index;
    if (old.length >= MAX_SLOTS) {
      throw new IllegalStateException("more than " + MAX_SLOTS / 8 * 7 + " distinct parts of states in one table");
    }
    int length = (int) Math.min(MAX_SLOTS, old.length + old.length / 4L);
    long had = Index.bytes(old.length);
    long needed = Index.bytes(length);
    index = REBUILDING;
    budget.release(had);
    try {
      budget.reserve(needed);
    } catch (MemoryLimitReached e) {
      budget.charge(had);
      index = old;
      throw e;
    }
    old = null; // collectable while the new one is allocated
    Index bigger = new Index(length);
    int mask = (1 << bigger.idBits) - 1;
    SubvectorValues v = values;
    for (int id = 0; id < size; id++) {
      int h = hash(v.get(id));
      int i = home(h, length);
      while (bigger.readLocked(i) != 0) {
        i = i + 1 == length ? 0 : i + 1;
      }
      bigger.put(i, bigger.tag(h) | (id + 1), bigger.width);
    }
    bytes += needed - had;
    index = bigger; // published whole, filled
  }
}
