package io.ballot.checker.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * An exact set of states of at most 63 bits, each kept as its own value (plus one, so that 0 means empty) in a slot
 * of as few whole bytes as that takes: a 28-bit state costs 4 bytes a slot, with no id, no record and no hash
 * fragment. Split into {@value #STRIPES} stripes by the top bits of the state's hash, each a {@code byte[]} probed
 * linearly and doubled on its own when {@value #MAX_LOAD_PERCENT}% full, so that growing never holds two copies of
 * the whole table (only of one stripe) and needs no state from elsewhere: the slots are the states.
 *
 * <p>Filled between the levels of a search and only read during a level (as {@link SignatureTable}), so it needs no
 * locks: the level's workers start after the inserts, and the search thread waits for them before inserting again.
 * The inserts between levels may run on several threads as long as each stripe has one ({@link #stripeOf}): a
 * stripe's array, size and slot count are its own, and the set's totals are summed over the stripes. Every byte is
 * reserved from the budget (thread-safe) first.
 */
final class InlineStateTable implements FoundStates {
  static final int MAX_LOAD_PERCENT = 85;
  /** Set by {@link #dispose}: the bytes are given back and no longer counted. */
  private boolean disposed;
  private static final int STRIPE_BITS = 8;
  private static final int STRIPES = 1 << STRIPE_BITS;
  private static final int FIRST_SLOT_BITS = 4;
  private static final int MAX_SLOT_BITS = 30; // a stripe's byte[] stays below 2^31 bytes for slots of up to 1 byte
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final int width;
  private final long keyMask;
  private final MemoryBudget budget;
  private final byte[][] stripes = new byte[STRIPES][];
  private final int[] slotBits = new int[STRIPES];
  private final long[] used = new long[STRIPES];

  /** An empty set for states of {@code bits} bits (1 to 63), its bytes reserved from {@code budget}. */
  InlineStateTable(int bits, MemoryBudget budget) {
    if (bits < 1 || bits > 63) {
      throw new IllegalArgumentException("inline states have 1 to 63 bits, not " + bits);
    }
    this.width = (bits + 1 + 7) >>> 3; // the value plus one needs bits + 1 bits
    this.keyMask = width == 8 ? -1L : (1L << (8 * width)) - 1;
    this.budget = budget;
    for (int s = 0; s < STRIPES; s++) {
      slotBits[s] = FIRST_SLOT_BITS;
      stripes[s] = new byte[arrayBytes(FIRST_SLOT_BITS)];
    }
    budget.charge(bytes());
  }

  /** Whether states of {@code bits} bits can be kept here. */
  static boolean fits(int bits) {
    return bits >= 1 && bits <= 63;
  }

  /** Bytes of one slot. */
  int width() {
    return width;
  }

  /** Bytes of the stripes' arrays, for memory accounting. */
  @Override
  public long bytes() {
    if (disposed) {
      return 0;
    }
    long bytes = 0;
    for (int s = 0; s < STRIPES; s++) {
      bytes += arrayBytes(slotBits[s]) + 16L;
    }
    return bytes;
  }

  /** States stored. */
  long size() {
    long size = 0;
    for (long u : used) {
      size += u;
    }
    return size;
  }

  /**
   * The part, of {@code parts} (at most {@value #STRIPES}), whose thread adds {@code value} when several threads
   * fill the set at once: the parts own disjoint sets of stripes.
   */
  static int stripeOf(long value, int parts) {
    return (int) ((hash(value) >>> (64 - STRIPE_BITS)) * parts >>> STRIPE_BITS);
  }

  private int arrayBytes(int bits) {
    return (width << bits) + Long.BYTES; // and 8 more, so that the last slot can be read as one long
  }

  private static long hash(long value) {
    long h = value * 0x9E3779B97F4A7C15L; // splitmix64's finaliser over a golden-ratio product
    h ^= h >>> 30;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 27;
    h *= 0x94D049BB133111EBL;
    return h ^ (h >>> 31);
  }

  /** Whether {@code value} (a state's only word) is in the set. Thread-safe between inserts. */
  boolean contains(long value) {
    long h = hash(value);
    int s = (int) (h >>> (64 - STRIPE_BITS));
    byte[] slots = stripes[s];
    int bits = slotBits[s];
    int mask = (1 << bits) - 1;
    int i = (int) ((h << STRIPE_BITS) >>> (64 - bits));
    long key = value + 1;
    while (true) {
      long k = (long) LONG.get(slots, i * width) & keyMask;
      if (k == key) {
        return true;
      }
      if (k == 0) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Adds {@code value} unless present; returns whether it was new. Not thread-safe, except for threads that add
   * values of distinct {@link #stripeOf} parts (see the class comment). Throws
   * {@link MemoryLimitReached} when its stripe must grow and the bigger array does not fit; the set is then unchanged.
   */
  boolean add(long value) {
    long h = hash(value);
    int s = (int) (h >>> (64 - STRIPE_BITS));
    if ((used[s] + 1) * 100 > (long) MAX_LOAD_PERCENT << slotBits[s]) {
      grow(s);
    }
    if (insert(stripes[s], slotBits[s], h, value + 1)) {
      used[s]++;
      return true;
    }
    return false;
  }

  private boolean insert(byte[] slots, int bits, long h, long key) {
    int mask = (1 << bits) - 1;
    int i = (int) ((h << STRIPE_BITS) >>> (64 - bits));
    while (true) {
      int at = i * width;
      long word = (long) LONG.get(slots, at);
      long k = word & keyMask;
      if (k == key) {
        return false;
      }
      if (k == 0) {
        LONG.set(slots, at, (word & ~keyMask) | key);
        return true;
      }
      i = (i + 1) & mask;
    }
  }

  /** Whether the state {@code state} (of one word) is in the set. */
  @Override
  public boolean contains(long[] state) {
    return contains(state[0]);
  }

  /** Adds the state {@code state} (of one word) unless present; returns whether it was new. */
  @Override
  public boolean add(long[] state) {
    return add(state[0]);
  }

  /** Calls {@code action} with every value in the set, in no particular order. */
  void forEach(java.util.function.LongConsumer action) {
    for (int s = 0; s < STRIPES; s++) {
      byte[] slots = stripes[s];
      int n = 1 << slotBits[s];
      for (int i = 0; i < n; i++) {
        long key = (long) LONG.get(slots, i * width) & keyMask;
        if (key != 0) {
          action.accept(key - 1);
        }
      }
    }
  }

  /** Gives this set's bytes back to the budget: call when it is dropped (replaced by a wider one). */
  void dispose() {
    budget.release(bytes());
    disposed = true;
  }

  /** Doubles stripe {@code s}: the bigger array is reserved first, the old one given back once copied. */
  private void grow(int s) {
    int bits = slotBits[s] + 1;
    if (bits > MAX_SLOT_BITS - (width > 1 ? 32 - Integer.numberOfLeadingZeros(width - 1) : 0)) {
      throw new IllegalStateException("more states than an inline table holds");
    }
    budget.reserve(arrayBytes(bits) + 16L);
    byte[] old = stripes[s];
    byte[] bigger = new byte[arrayBytes(bits)];
    int oldSlots = 1 << slotBits[s];
    for (int i = 0; i < oldSlots; i++) {
      long key = (long) LONG.get(old, i * width) & keyMask;
      if (key != 0) {
        insert(bigger, bits, hash(key - 1), key);
      }
    }
    stripes[s] = bigger;
    slotBits[s] = bits;
    budget.release(old.length + 16L);
  }
}
