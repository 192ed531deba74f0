package io.ballot.checker.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory seen-set: full states (no hash compaction, so no state is ever missed) kept in a {@link
 * StateStore}, indexed by an open-addressing hash table split into independently locked stripes. A slot is one
 * {@code long}: the low 32 bits of the state's hash above the id + 1 (0 = empty), so that probing compares hashes
 * without touching the stored state, and growing needs no rehashing of states. Each stripe probes linearly and
 * doubles when three quarters full (seven eighths for the index of one level). States of at most 32 bits are their
 * own fragment (through a bijective mix, so that they still spread over the slots): then equal fragments mean equal
 * states, and a probe never reads the store. A state's first slot is its fragment scaled to the stripe's length; the
 * index of one level grows by half rather than doubles (58 to 88 % full, not 44 to 88 %).
 *
 * <p>Most successors in a breadth-first search are states already seen, so a lookup first probes without the
 * lock: slots are published with release writes after the state is in the store and read with acquire reads, so a
 * slot seen is a state fully stored; a stale array (replaced by a grow) only lacks newer entries. A miss takes the
 * lock and probes again. Locking (a full fence) only for the states that are new lets the cache misses of many
 * lookups overlap.
 */
final class StripedStateTable implements SeenSet {
  private static final int STRIPE_BITS = 8;
  private static final int STRIPES = 1 << STRIPE_BITS;
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
  /** A stripe's slots to begin with: few, as a small model's levels are; doubled to {@link #GROWN} at once. */
  private static final int FIRST = 8;
  /** A stripe's slots after its first growth, from which it doubles (or grows by half, in a level's index). */
  private static final int GROWN = 16;

  private final StateStore store;
  private final boolean exact;
  private final Stripe[] stripes = new Stripe[STRIPES];
  /** Bytes of all stripes' slot arrays, kept up to date by {@link #grow} (read per batch, so not a walk). */
  private final AtomicLong indexBytes = new AtomicLong(8L * FIRST * STRIPES);
  private final MemoryBudget budget;

  /**
   * One stripe: its slots and its fill count; its header is its lock. The fill count sits next to the header (both
   * are written by every insertion, under the lock) and the slots reference, which every lookup reads, is on a line
   * of its own, padded on both sides, so that an insertion does not invalidate the line a lookup needs in this
   * stripe or a neighbour. Fields are laid out superclass first, so the padding is a chain of classes.
   */
  @SuppressWarnings("unused")
  private static class StripeLocked {
    int used;
  }

  @SuppressWarnings("unused")
  private static class StripePadBefore extends StripeLocked {
    long p1, p2, p3, p4, p5, p6, p7, p8;
  }

  @SuppressWarnings("unused")
  private static class StripeFields extends StripePadBefore {
    volatile long[] slots = new long[FIRST];
  }

  @SuppressWarnings("unused")
  private static final class Stripe extends StripeFields {
    long q1, q2, q3, q4, q5, q6, q7, q8;
  }

  /** Eighths of a stripe's slots filled before it doubles. */
  private final int fullEighths;

  /** An index over {@code store}; {@code exact} when states have at most 32 bits (see the class comment). */
  StripedStateTable(StateStore store, boolean exact) {
    this(store, exact, 6);
  }

  /**
   * An index as above whose stripes double when {@code fullEighths} eighths full (6: three quarters, the seen-set of
   * all states; 7 for an index of one level, where the bytes count more than the few more probes, each a compare of
   * the 32-bit fragments in the same cache line).
   */
  StripedStateTable(StateStore store, boolean exact, int fullEighths) {
    this.store = store;
    this.exact = exact;
    this.fullEighths = fullEighths;
    this.budget = store.budget();
    budget.charge(indexBytes.get());
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
  }

  static long hash(long[] state) {
    long h = 0x9E3779B97F4A7C15L;
    for (long w : state) {
      h ^= w;
      h *= 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return h;
  }

  /** The slot's 32 bits for a state of hash {@code h}: the state itself, mixed, when exact. */
  private int fragment(long[] state, long h) {
    if (!exact) {
      return (int) h;
    }
    int x = (int) state[0]; // murmur3's finaliser: a bijection on 32 bits
    x ^= x >>> 16;
    x *= 0x85EBCA6B;
    x ^= x >>> 13;
    x *= 0xC2B2AE35;
    x ^= x >>> 16;
    return x;
  }

  /**
   * The first slot of a state of fragment {@code fragment} in a stripe of {@code length} slots: the fragment scaled
   * to the length, so that a stripe can have any length (the level index grows by half).
   */
  private static int home(int fragment, int length) {
    return (int) (((fragment & 0xFFFF_FFFFL) * length) >>> 32);
  }

  private Stripe stripe(long h) {
    return stripes[(int) (h >>> (64 - STRIPE_BITS))];
  }

  /**
   * The slot where {@code state} is, or the empty slot where it would go: linear probing from its fragment,
   * comparing stored states only when the fragments agree. Safe without the lock (see the class comment).
   */
  private int probe(long[] slots, int fragment, long[] state) {
    int length = slots.length;
    int i = home(fragment, length);
    while (true) {
      long slot = (long) SLOT.getAcquire(slots, i);
      // A collision (fragments equal, states not) is rare: it shares the common "go on" path rather than having a
      // branch of its own, which the JIT would compile as a trap and deoptimise on when it first happens.
      long diff = slot == 0 ? 0
          : (int) (slot >>> 32) != fragment ? 1
          : exact ? 0
          : store.difference((int) slot - 1, state);
      if (diff == 0) {
        return i;
      }
      i = i + 1 == length ? 0 : i + 1;
    }
  }

  /**
   * The slot holding {@code state} in {@code s}, or 0 if it is not there yet; without the lock (class comment). It
   * returns the value the probe saw, never a second read of the slot: between the probe finding the empty slot where
   * {@code state} would go and a second read, another thread may fill that slot with a different state, whose id
   * would then be taken for this state's (a state missed, or a parent link that does not lead to its state).
   */
  private long lookupUnlocked(Stripe s, int fragment, long[] state) {
    long[] slots = s.slots;
    int length = slots.length;
    int i = home(fragment, length);
    while (true) {
      long slot = (long) SLOT.getAcquire(slots, i);
      long diff = slot == 0 ? 0
          : (int) (slot >>> 32) != fragment ? 1
          : exact ? 0
          : store.difference((int) slot - 1, state);
      if (diff == 0) {
        return slot;
      }
      i = i + 1 == length ? 0 : i + 1;
    }
  }

  @Override
  public int add(StateStore.Appender appender, long[] state, int parent, int rule) {
    long h = hash(state);
    int fragment = fragment(state, h);
    Stripe s = stripe(h);
    long found = lookupUnlocked(s, fragment, state);
    if (found != 0) {
      return -1 - ((int) found - 1);
    }
    synchronized (s) {
      long[] slots = s.slots;
      int i = probe(slots, fragment, state);
      // Another thread may have stored the state since the lookup above (a lost race: rare, and never on one
      // thread). As a branch of its own the JIT would compile it as a trap, and the first race would deoptimise
      // the whole inlined expansion path. Here it is the exit test of a loop that runs once for a new state and
      // not at all after a lost race: both outcomes of that test are taken all the time.
      int fresh = 0;
      while (slots[i] == 0) {
        int id = store.add(appender, state, parent, rule);
        SLOT.setRelease(slots, i, ((long) fragment << 32) | (id + 1L));
        fresh = 1;
        // (the second test: seven eighths of FIRST slots would fill the stripe, and an unlocked probe needs a hole)
        if (++s.used * 8 > slots.length * fullEighths || s.used == slots.length - 1) {
          grow(s); // replaces s.slots; slots[i], just filled, ends the loop
        }
      }
      return ((int) slots[i] - 1) ^ (fresh - 1); // the new id, or -1 - the id stored by the other thread
    }
  }

  /**
   * Doubles a stripe's slots, its bytes reserved from the budget first: when they do not fit, throws {@link
   * MemoryLimitReached} and the stripe stays as it is (still usable until the search stops).
   */
  private void grow(Stripe s) {
    long[] old = s.slots;
    int length = old.length < GROWN ? GROWN : fullEighths == 7 ? old.length + old.length / 2 : old.length * 2;
    budget.reserve(8L * length); // the new array, while the old one is still live
    long[] bigger = new long[length];
    budget.release(8L * old.length); // the old array, dropped below
    indexBytes.addAndGet(8L * (length - old.length));
    for (long slot : old) {
      if (slot != 0) {
        int i = home((int) (slot >>> 32), length);
        while (bigger[i] != 0) {
          i = i + 1 == length ? 0 : i + 1;
        }
        bigger[i] = slot;
      }
    }
    s.slots = bigger;
  }

  /**
   * The id of {@code state} if this index holds it, else -1, without the lock: a state being added by another thread
   * may be missed (then {@link #add} finds it under the lock).
   */
  int lookup(long[] state) {
    long h = hash(state);
    long found = lookupUnlocked(stripe(h), fragment(state, h), state);
    return (int) found - 1;
  }

  @Override
  public int find(long[] state) {
    long h = hash(state);
    int fragment = fragment(state, h);
    Stripe s = stripe(h);
    long found = lookupUnlocked(s, fragment, state);
    if (found != 0) {
      return (int) found - 1;
    }
    synchronized (s) {
      long slot = s.slots[probe(s.slots, fragment, state)];
      return slot == 0 ? -1 : (int) slot - 1;
    }
  }

  @Override
  public int size() {
    return store.size();
  }

  /**
   * Gives the slots of the renumbered level their new ids: each state's slot is found by probing from its hash for
   * its old id (no store comparison: ids are unique), all of them before any is rewritten, since a new id may equal
   * another state's old one. A probe per state of the level, in {@code parallel}'s parts.
   */
  @Override
  public void renumber(Renumbering r, ParallelParts parallel) {
    int n = r.count();
    long[] where = new long[n]; // stripe << 32 | slot
    int parts = parallel.parts(n);
    parallel.run(parts, p -> {
      long[] state = new long[store.words()];
      for (int k = ParallelParts.sliceStart(n, parts, p), end = ParallelParts.sliceStart(n, parts, p + 1); k < end;
          k++) {
        store.get(r.from + k, state); // its record moved already
        long h = hash(state);
        int stripe = (int) (h >>> (64 - STRIPE_BITS));
        long[] slots = stripes[stripe].slots;
        int length = slots.length;
        int i = home(fragment(state, h), length);
        long old = r.oldId(k) + 1L;
        while ((slots[i] & 0xFFFFFFFFL) != old) {
          i = i + 1 == length ? 0 : i + 1;
        }
        where[k] = ((long) stripe << 32) | i;
      }
    });
    parallel.run(parts, p -> {
      for (int k = ParallelParts.sliceStart(n, parts, p), end = ParallelParts.sliceStart(n, parts, p + 1); k < end;
          k++) {
        long[] slots = stripes[(int) (where[k] >>> 32)].slots;
        int i = (int) where[k];
        slots[i] = (slots[i] & 0xFFFFFFFF00000000L) | (r.from + k + 1L);
      }
    });
  }

  /**
   * Empties the index, keeping its slot arrays (and their bytes in the budget) for the next level: no garbage per
   * level, and no regrowing from the first slots. A stripe that held less than an eighth of its slots is cut down to
   * twice what it held, so that a search of many small levels after a wide one does not clear the wide one's slots
   * each time; a stripe filled to seven eighths ({@link #StripedStateTable(StateStore, boolean, int)}, the index of
   * one level) to its first {@value #FIRST} slots: between levels it indexes nothing, and the next level grows it
   * again (its slots kept, the level index held 0.5 of Paxos's 14 bytes per state at its peak, at the end of a
   * level). Between levels only (no lookup may run).
   */
  void clear() {
    for (Stripe s : stripes) {
      synchronized (s) {
        long[] slots = s.slots;
        if (fullEighths == 7 && slots.length > FIRST) {
          s.slots = new long[FIRST];
          budget.release(8L * (slots.length - FIRST));
          indexBytes.addAndGet(-8L * (slots.length - FIRST));
        } else if (slots.length > GROWN && (long) s.used * 8 < slots.length) {
          int length = Math.max(GROWN, Integer.highestOneBit(Math.max(1, s.used) * 4 - 1));
          s.slots = new long[length];
          budget.release(8L * (slots.length - length));
          indexBytes.addAndGet(-8L * (slots.length - length));
        } else {
          java.util.Arrays.fill(slots, 0L);
        }
        s.used = 0;
      }
    }
  }

  /** Gives this index's bytes back to the budget: call when it is dropped (hash compaction's per-level index). */
  void dispose() {
    budget.release(indexBytes.get());
  }

  /** Bytes of the index (slots), for memory accounting. */
  long indexBytes() {
    return indexBytes.get();
  }
}
