package io.ballot.checker.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The index of the level being built when the store's records are one-word references (a tree's root pairs, {@link
 * StateStore#ofReferences}): {@link StripedStateTable}'s job in half its bytes. A slot is an {@code int}: the state's
 * id less the level's first id, plus one (0 = empty), in its low bits (as many as its stripe's ids need now, at
 * least 16), and the reference's hash above them, so that a probe reads a record only when those agree; the level's
 * ids are its own, so they fit in fewer bits than an id. Stripes are probed linearly from the hash scaled to their
 * length, grown by half when seven eighths full, and rebuilt with more id bits when an id outgrows them (both
 * rehash from the records: a read of the store per entry). Lookups run without the lock (slots published with
 * release writes after the record is stored; a stripe's slots and their id bits are one immutable {@link Table}), a
 * miss takes the stripe's lock and probes again. Every byte is reserved from the budget first.
 */
final class ReferenceLevelIndex {
  private static final int STRIPE_BITS = 8;
  private static final int STRIPES = 1 << STRIPE_BITS;
  /** A stripe's slots to begin with: few, as a small model's levels are; grown to {@link #GROWN} at once. */
  private static final int FIRST = 8;
  /** A stripe's slots after its first growth, from which it grows by half (16, 24, 36...). */
  private static final int GROWN = 16;
  private static final int FIRST_ID_BITS = 16;
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(int[].class);

  private final StateStore store;
  private final MemoryBudget budget;
  private final Stripe[] stripes = new Stripe[STRIPES];
  private final AtomicLong indexBytes = new AtomicLong();
  /** The first id of the level being built; set between levels ({@link #clear}). */
  private int base;

  /** A stripe's slots and how many low bits of a slot hold an id; replaced whole. */
  private static final class Table {
    final int[] slots;
    final int idBits;

    Table(int[] slots, int idBits) {
      this.slots = slots;
      this.idBits = idBits;
    }
  }

  /** One stripe; its monitor is its lock. */
  private static final class Stripe {
    volatile Table table = new Table(new int[FIRST], FIRST_ID_BITS);
    int used;
  }

  /** An empty index over {@code store} (whose records are references) for the level of ids from 0. */
  ReferenceLevelIndex(StateStore store) {
    this.store = store;
    this.budget = store.budget();
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
    indexBytes.set(4L * FIRST * STRIPES + 32L * STRIPES);
    budget.charge(indexBytes.get());
  }

  private static long hash(long reference) {
    long h = reference * 0x9E3779B97F4A7C15L;
    h ^= h >>> 32;
    h *= 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 29);
  }

  /** The first slot of a reference of hash {@code h} in {@code length} slots: bits of the hash the tag does not use. */
  private static int home(long h, int length) {
    return (int) ((((h * 0xD6E8FEB86659FD93L) >>> 32) * length) >>> 32);
  }

  private Stripe stripe(long h) {
    return stripes[(int) (h >>> (64 - STRIPE_BITS))];
  }

  /**
   * The id of {@code reference} in {@code t}, or -1; without a lock. Without a branch of its own for a tag that agrees
   * on another record (rare): its compare is the loop's "go on" path, which the JIT keeps compiled.
   */
  private int find(Table t, long reference, long h) {
    int[] slots = t.slots;
    int length = slots.length;
    int mask = (1 << t.idBits) - 1;
    int tag = (int) h & ~mask;
    int i = home(h, length);
    while (true) {
      int slot = slots[i];
      // an acquire read, as a plain read and a fence: a VarHandle's getAcquire is compiled to a plain load only when
      // the JIT inlines its guards, and in the expansion loop it had stopped doing so (204 of 3,063 samples there)
      VarHandle.acquireFence();
      long diff = slot == 0 ? 0 : (slot & ~mask) != tag ? 1 : store.record(base + (slot & mask) - 1) ^ reference;
      if (diff == 0) {
        return slot == 0 ? -1 : base + (slot & mask) - 1;
      }
      i = i + 1 == length ? 0 : i + 1;
    }
  }

  /** The id of the state whose reference is {@code key[0]}, or -1; without the lock (a state being added may be missed). */
  int lookup(long[] key) {
    long h = hash(key[0]);
    return find(stripe(h).table, key[0], h);
  }

  /** The id of the state whose reference is {@code key[0]}, or -1. */
  int find(long[] key) {
    long h = hash(key[0]);
    Stripe s = stripe(h);
    int id = find(s.table, key[0], h);
    if (id >= 0) {
      return id;
    }
    synchronized (s) {
      return find(s.table, key[0], h);
    }
  }

  /**
   * Adds the state whose reference is {@code key[0]} (reached from {@code parent} by {@code rule}) to the store and
   * the index unless it is there; returns its new id, or {@code -1 - id} of the one there.
   */
  int add(StateStore.Appender appender, long[] key, int parent, int rule) {
    long reference = key[0];
    long h = hash(reference);
    Stripe s = stripe(h);
    int found = find(s.table, reference, h);
    if (found >= 0) {
      return -1 - found;
    }
    synchronized (s) {
      found = find(s.table, reference, h);
      // Another thread may have stored it since (a lost race, rare): the exit test of a loop that runs once for a new
      // state and not at all then, so that both outcomes of that test are taken all the time (see StripedStateTable).
      int fresh = 0;
      while (found < 0) {
        int id = store.add(appender, key, parent, rule);
        int ordinal = id - base + 1;
        Table t = s.table;
        if (ordinal >>> t.idBits != 0 || (s.used + 1) * 8L > t.slots.length * 7L) {
          t = rebuild(s, t, ordinal);
        }
        int[] slots = t.slots;
        int i = home(h, slots.length);
        while (slots[i] != 0) {
          i = i + 1 == slots.length ? 0 : i + 1;
        }
        SLOT.setRelease(slots, i, ((int) h & ~((1 << t.idBits) - 1)) | ordinal);
        s.used++;
        found = id;
        fresh = 1;
      }
      return found ^ (fresh - 1); // the new id, or -1 - the id stored by the other thread
    }
  }

  /**
   * Rebuilds stripe {@code s} (under its lock) with room for one entry more and ids up to {@code ordinal}: half as
   * many slots again when seven eighths full, two more id bits than {@code ordinal} needs when it does not fit.
   * Each entry's hash comes from its record. Its bytes are reserved first ({@link MemoryLimitReached}: the stripe is
   * left as it was).
   */
  private Table rebuild(Stripe s, Table t, int ordinal) {
    int[] old = t.slots;
    int length = (s.used + 1) * 8L <= old.length * 7L ? old.length
        : old.length < GROWN ? GROWN : old.length + old.length / 2;
    int idBits = ordinal >>> t.idBits == 0 ? t.idBits : Math.min(31, 34 - Integer.numberOfLeadingZeros(ordinal));
    budget.reserve(4L * length);
    int[] slots = new int[length];
    int oldMask = (1 << t.idBits) - 1;
    int mask = (1 << idBits) - 1;
    for (int slot : old) {
      if (slot != 0) {
        int ordinalOf = slot & oldMask;
        long h = hash(store.record(base + ordinalOf - 1));
        int i = home(h, length);
        while (slots[i] != 0) {
          i = i + 1 == length ? 0 : i + 1;
        }
        slots[i] = ((int) h & ~mask) | ordinalOf;
      }
    }
    Table fresh = new Table(slots, idBits);
    s.table = fresh;
    budget.release(4L * old.length);
    indexBytes.addAndGet(4L * (length - old.length));
    return fresh;
  }

  /**
   * Empties the index for the level whose ids start at {@code from}: each stripe back to its first {@value #FIRST}
   * slots (between levels it indexes nothing; the next level grows it again). Between levels only (no lookup may
   * run).
   */
  void clear(int from) {
    for (Stripe s : stripes) {
      synchronized (s) {
        int length = s.table.slots.length;
        s.table = new Table(new int[FIRST], FIRST_ID_BITS);
        s.used = 0;
        budget.release(4L * (length - FIRST));
        indexBytes.addAndGet(-4L * (length - FIRST));
      }
    }
    base = from;
  }

  /** Bytes of the index (slots), for memory accounting. */
  long indexBytes() {
    return indexBytes.get();
  }
}
