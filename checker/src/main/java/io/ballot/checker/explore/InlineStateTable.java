package io.ballot.checker.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * An exact set of states of at most 63 bits, each kept in a slot of as few whole bytes as what is left of it once
 * its stripe is known: no id, no record, no hash fragment. A value is first mixed by a bijection on its own bits
 * ({@link #mix}); the top bits of the result choose one of the stripes and only the rest (the
 * remainder) is stored, since the stripe already says what the top bits were (quotienting, as Cleary's compact hash
 * table does for a whole table): a 28-bit state costs 2 bytes a slot, a 34-bit one 3. A stripe's slots hold
 * remainders, 0 meaning empty; the one value of a stripe whose remainder is 0 is a flag of its own. Each stripe is a
 * {@code byte[]} probed linearly and doubled on its own when {@value #MAX_LOAD_PERCENT}% full, so that growing never
 * holds two copies of the whole table (only of one stripe) and needs no state from elsewhere: the slots, with their
 * stripe's number, are the states.
 *
 * <p>A set starts with {@code 2^}{@value #FIRST_STRIPE_BITS} stripes and splits each stripe in as many as it takes to
 * keep about {@value #PER_STRIPE} values a stripe ({@link #expect}), up to {@code 2^}{@value #STRIPE_BITS}: a stripe
 * costs about 40 bytes of its own (its array's header and tail, counts, flag), which 4,096 stripes of a few values
 * each had made 4 bytes a state of a 36,000-state model. A split moves one old stripe at a time.
 *
 * <p>Filled between the levels of a search and only read during a level (as {@link SignatureTable}), so it needs no
 * locks: the level's workers start after the inserts, and the search thread waits for them before inserting again.
 * The inserts between levels may run on several threads as long as each stripe has one ({@link #partOf}): a
 * stripe's array, counts and flag are its own, and the set's totals are summed over the stripes. Every byte is
 * reserved from the budget (thread-safe) first.
 */
final class InlineStateTable implements FoundStates {
  static final int MAX_LOAD_PERCENT = 85;
  /** Set by {@link #dispose}: the bytes are given back and no longer counted. */
  private boolean disposed;
  /** Bits of a value that choose its stripe, at most (fewer for values of fewer bits): stored by no slot. */
  static final int STRIPE_BITS = 12;
  /** Bits that choose a stripe to begin with. */
  static final int FIRST_STRIPE_BITS = 6;
  /** Values a stripe holds on average, about, before {@link #expect} splits the stripes. */
  static final int PER_STRIPE = 128;
  private static final int FIRST_SLOTS = 4;
  /** A stripe's byte[] stays below 2^31 bytes. */
  private static final long MAX_STRIPE_BYTES = Integer.MAX_VALUE - 64;
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long M1 = 0xBF58476D1CE4E5B9L;
  private static final long M2 = 0x94D049BB133111EBL;
  private static final long M1_INVERSE = inverse(M1);
  private static final long M2_INVERSE = inverse(M2);

  private final int bits;
  /** A full stripe grows by its slots over this. */
  private final int growth;
  private final long valueMask;
  private final int shift; // of the mix's xor-shifts
  /** The most bits that choose a stripe, for values of {@link #bits}. */
  private final int maxStripeBits;
  // What follows changes when the stripes are split ({@link #expect}), between fills.
  private int stripeBits;
  private int restBits; // stored per slot
  private long restMask;
  private int width;
  private long keyMask;
  private final MemoryBudget budget;
  private byte[][] stripes;
  private int[] slotCount; // per stripe; grown by half (57 to 85 % full) or a quarter (68 to 85 %), not doubled
  private long[] used; // slots filled per stripe
  private boolean[] zero; // whether the stripe's value of remainder 0 is in the set

  /** An empty set for states of {@code bits} bits (1 to 63), its bytes counted in {@code budget} (even beyond it). */
  InlineStateTable(int bits, MemoryBudget budget) {
    this(bits, budget, false);
  }

  /**
   * An empty set as above; {@code reserve}: its bytes are reserved from {@code budget} before they are allocated
   * (throwing {@link MemoryLimitReached} when they do not fit), for a set made during a search.
   */
  InlineStateTable(int bits, MemoryBudget budget, boolean reserve) {
    this(bits, budget, reserve, 2);
  }

  /**
   * An empty set as above whose stripes grow by {@code 1 / growth} of their slots when full: 2 (by half, 57 to 85 %
   * full), or 4 (by a quarter, 68 to 85 %: fewer bytes, more rehashing), for a tree's root set, where the bytes
   * count more than the inserts between levels.
   */
  InlineStateTable(int bits, MemoryBudget budget, boolean reserve, int growth) {
    if (bits < 1 || bits > 63) {
      throw new IllegalArgumentException("inline states have 1 to 63 bits, not " + bits);
    }
    this.bits = bits;
    this.growth = growth;
    this.valueMask = (1L << bits) - 1;
    this.shift = (bits + 1) / 2;
    this.maxStripeBits = Math.min(STRIPE_BITS, bits);
    this.budget = budget;
    stripeLayout(Math.min(FIRST_STRIPE_BITS, maxStripeBits));
    int n = 1 << stripeBits;
    long initial = 13L * n + 64 + n * (arrayBytes(FIRST_SLOTS) + 16L); // as bytes() will count them
    if (reserve) {
      budget.reserve(initial);
    } else {
      budget.charge(initial);
    }
    stripes = new byte[n][];
    slotCount = new int[n];
    used = new long[n];
    zero = new boolean[n];
    for (int s = 0; s < n; s++) {
      slotCount[s] = FIRST_SLOTS;
      stripes[s] = new byte[arrayBytes(FIRST_SLOTS)];
    }
  }

  /** Sets the fields that follow from {@code stripeBits} bits choosing a stripe. */
  private void stripeLayout(int stripeBits) {
    this.stripeBits = stripeBits;
    this.restBits = bits - stripeBits;
    this.restMask = (1L << restBits) - 1;
    this.width = Math.max(1, (restBits + 7) >>> 3);
    this.keyMask = width == 8 ? -1L : (1L << (8 * width)) - 1;
  }

  /** Stripes now (for tests). */
  int stripes() {
    return stripes.length;
  }

  /**
   * Makes the stripes fit a set of {@code values} values: when they would hold more than {@value #PER_STRIPE} each on
   * average, splits each in as many as it takes (up to {@code 2^}{@value #STRIPE_BITS} stripes), one old stripe at a
   * time, the new stripes sized for what they receive. Between fills, on one thread; {@link MemoryLimitReached} when
   * what the split adds does not fit (the set is then left as it was, unsplit).
   */
  void expect(long values) {
    int target = stripeBits;
    while (target < maxStripeBits && values > (long) PER_STRIPE << target) {
      target++;
    }
    if (target > stripeBits) {
      split(target);
    }
  }

  /**
   * Splits every stripe in {@code 2^(newStripeBits - stripeBits)}: a first pass counts what each new stripe receives,
   * so that what the split adds is reserved before anything changes; then each old stripe is moved and let go, so
   * that the split holds one old stripe twice at most.
   */
  private void split(int newStripeBits) {
    int d = newStripeBits - stripeBits;
    int oldRest = restBits;
    int oldWidth = width;
    long oldKeyMask = keyMask;
    byte[][] oldStripes = stripes;
    int[] oldSlots = slotCount;
    int n = 1 << newStripeBits;
    int newRest = bits - newStripeBits;
    long newRestMask = (1L << newRest) - 1;
    int newWidth = Math.max(1, (newRest + 7) >>> 3);
    int[] receives = new int[n];
    for (int s = 0; s < oldStripes.length; s++) {
      long top = (long) s << oldRest;
      for (int i = 0; i < oldSlots[s]; i++) {
        long key = (long) LONG.get(oldStripes[s], i * oldWidth) & oldKeyMask;
        if (key != 0 && ((top | key) & newRestMask) != 0) {
          receives[(int) ((top | key) >>> newRest)]++;
        }
      }
    }
    long after = 13L * n + 64;
    for (int t = 0; t < n; t++) {
      after += (long) newWidth * slotsFor(receives[t]) + Long.BYTES + 16L;
    }
    long before = bytes();
    long added = Math.max(0, after - before);
    budget.reserve(added); // the set is still whole when it does not fit
    budget.charge(13L * n);
    byte[][] newStripes = new byte[n][];
    int[] newSlots = new int[n];
    long[] newUsed = new long[n];
    boolean[] newZero = new boolean[n];
    boolean[] oldZero = zero;
    stripeLayout(newStripeBits);
    for (int s = 0; s < oldStripes.length; s++) {
      byte[] old = oldStripes[s];
      long top = (long) s << oldRest;
      for (int t = s << d; t < (s + 1) << d; t++) {
        newSlots[t] = slotsFor(receives[t]);
        newStripes[t] = new byte[arrayBytes(newSlots[t])];
        budget.charge(arrayBytes(newSlots[t]) + 16L);
      }
      for (int i = 0; i < oldSlots[s]; i++) {
        long key = (long) LONG.get(old, i * oldWidth) & oldKeyMask;
        if (key != 0) {
          long x = top | key;
          int t = (int) (x >>> restBits);
          long rest = x & restMask;
          if (rest == 0) {
            newZero[t] = true;
          } else {
            insert(newStripes[t], newSlots[t], rest);
            newUsed[t]++;
          }
        }
      }
      newZero[s << d] |= oldZero[s]; // the value of remainder 0 keeps remainder 0
      oldStripes[s] = null;
      budget.release(old.length + 16L);
    }
    stripes = newStripes;
    slotCount = newSlots;
    used = newUsed;
    zero = newZero;
    budget.release(13L * oldStripes.length + added);
  }

  /** Slots for a new stripe that receives {@code values}: at most 70 % full. */
  private static int slotsFor(int values) {
    return Math.max(FIRST_SLOTS, (int) (values * 10L / 7) + 1);
  }

  /** Whether states of {@code bits} bits can be kept here. */
  static boolean fits(int bits) {
    return bits >= 1 && bits <= 63;
  }

  /** Bytes of one slot. */
  int width() {
    return width;
  }

  /** Bytes of the stripes' arrays and counts, for memory accounting. */
  @Override
  public long bytes() {
    if (disposed) {
      return 0;
    }
    long bytes = 13L * stripes.length + 64; // the counts, flags and array references
    for (int s = 0; s < stripes.length; s++) {
      bytes += arrayBytes(slotCount[s]) + 16L;
    }
    return bytes;
  }

  /** States stored. */
  long size() {
    long size = 0;
    for (int s = 0; s < stripes.length; s++) {
      size += used[s] + (zero[s] ? 1 : 0);
    }
    return size;
  }

  /**
   * The part, of {@code parts} (at most the number of stripes), whose thread adds {@code value} when several threads
   * fill the set at once: the parts own disjoint sets of stripes.
   */
  int partOf(long value, int parts) {
    return (int) ((mix(value) >>> restBits) * parts >>> stripeBits);
  }

  private int arrayBytes(int slots) {
    return width * slots + Long.BYTES; // and 8 more, so that the last slot can be read as one long
  }

  /** A bijection on values of {@link #bits} bits, spreading every bit over all of them (a murmur-like finaliser). */
  long mix(long value) {
    long x = value & valueMask;
    x ^= x >>> shift;
    x = (x * M1) & valueMask;
    x ^= x >>> shift;
    x = (x * M2) & valueMask;
    return x ^ (x >>> shift);
  }

  /** The inverse of {@link #mix}. */
  long unmix(long mixed) {
    long x = unshift(mixed);
    x = (x * M2_INVERSE) & valueMask;
    x = unshift(x);
    x = (x * M1_INVERSE) & valueMask;
    return unshift(x);
  }

  /** The inverse of {@code x ^= x >>> shift} on values of {@link #bits} bits. */
  private long unshift(long y) {
    long x = y;
    for (int s = shift; s < bits; s += shift) {
      x = y ^ (x >>> shift);
    }
    return x;
  }

  /** The inverse of odd {@code m} modulo 2^64 (Newton's iteration; each step doubles the bits that are right). */
  private static long inverse(long m) {
    long x = m;
    for (int i = 0; i < 5; i++) {
      x *= 2 - m * x;
    }
    return x;
  }

  /** The first slot probed for remainder {@code rest} among {@code slots} (any number: a multiply-shift range). */
  private static int home(long rest, int slots) {
    return (int) ((((rest * 0x9E3779B97F4A7C15L) >>> 32) * slots) >>> 32);
  }

  /** Whether {@code value} (a state's only word) is in the set. Thread-safe between inserts. */
  boolean contains(long value) {
    long x = mix(value);
    int s = (int) (x >>> restBits);
    long key = x & restMask;
    if (key == 0) {
      return zero[s];
    }
    byte[] slots = stripes[s];
    int n = slotCount[s];
    int i = home(key, n);
    while (true) {
      long k = (long) LONG.get(slots, i * width) & keyMask;
      if (k == key) {
        return true;
      }
      if (k == 0) {
        return false;
      }
      i = i + 1 == n ? 0 : i + 1;
    }
  }

  /**
   * Adds {@code value} unless present; returns whether it was new. Not thread-safe, except for threads that add
   * values of distinct {@link #partOf} parts (see the class comment). Throws
   * {@link MemoryLimitReached} when its stripe must grow and the bigger array does not fit; the set is then unchanged.
   */
  boolean add(long value) {
    long x = mix(value);
    int s = (int) (x >>> restBits);
    long key = x & restMask;
    if (key == 0) {
      boolean fresh = !zero[s];
      zero[s] = true;
      return fresh;
    }
    if ((used[s] + 1) * 100 > (long) MAX_LOAD_PERCENT * slotCount[s]) {
      grow(s);
    }
    if (insert(stripes[s], slotCount[s], key)) {
      used[s]++;
      return true;
    }
    return false;
  }

  private boolean insert(byte[] slots, int n, long key) {
    int i = home(key, n);
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
      i = i + 1 == n ? 0 : i + 1;
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

  /**
   * Adds the states of ids {@code from .. limit - 1} of {@code store}; a level of 2^14 states or more is split among
   * {@code parallel}'s parts (null: all on this thread) by stripe: each part reads the whole level, in id order, and
   * inserts the states of its own stripes.
   */
  @Override
  public void addLevel(StateStore store, int from, int limit, ParallelParts parallel) {
    expect(size() + (limit - from));
    int parts = parallel == null ? 1 : parallel.parts(limit - from);
    java.util.function.IntConsumer part = p -> {
      long[] state = new long[store.words()];
      for (int id = from; id < limit; id++) {
        if (!store.isHole(id)) {
          store.get(id, state);
          if (parts == 1 || partOf(state[0], parts) == p) {
            add(state[0]);
          }
        }
      }
    };
    if (parts == 1) {
      part.accept(0);
    } else {
      parallel.run(parts, part);
    }
  }

  /** Calls {@code action} with every value in the set, in no particular order. */
  void forEach(java.util.function.LongConsumer action) {
    for (int s = 0; s < stripes.length; s++) {
      long top = (long) s << restBits;
      if (zero[s]) {
        action.accept(unmix(top));
      }
      byte[] slots = stripes[s];
      int n = slotCount[s];
      for (int i = 0; i < n; i++) {
        long key = (long) LONG.get(slots, i * width) & keyMask;
        if (key != 0) {
          action.accept(unmix(top | key));
        }
      }
    }
  }

  /** Gives this set's bytes back to the budget: call when it is dropped (replaced by a wider one). */
  void dispose() {
    budget.release(bytes());
    disposed = true;
  }

  /**
   * Grows stripe {@code s} by half (a doubling would leave the table between 42 and 85 % full, 62 % on average;
   * by half, between 57 and 85 %, 70 %): the bigger array is reserved first, the old one given back once copied.
   */
  private void grow(int s) {
    int oldSlots = slotCount[s];
    int n = oldSlots + Math.max(1, oldSlots / growth);
    if ((long) width * n + Long.BYTES > MAX_STRIPE_BYTES) {
      throw new IllegalStateException("more states than an inline table holds");
    }
    budget.reserve(arrayBytes(n) + 16L);
    byte[] old = stripes[s];
    byte[] bigger = new byte[arrayBytes(n)];
    for (int i = 0; i < oldSlots; i++) {
      long key = (long) LONG.get(old, i * width) & keyMask;
      if (key != 0) {
        insert(bigger, n, key);
      }
    }
    stripes[s] = bigger;
    slotCount[s] = n;
    budget.release(old.length + 16L);
  }
}
