package io.ballot.checker.explore;

/**
 * The in-memory seen-set: full states (no hash compaction, so no state is ever missed) kept in a {@link
 * StateStore}, indexed by an open-addressing hash table of ids split into independently locked stripes. Each
 * stripe is a linear-probing {@code int[]} that doubles when half full.
 */
final class StripedStateTable implements SeenSet {
  private static final int STRIPE_BITS = 8;
  private static final int STRIPES = 1 << STRIPE_BITS;

  private final StateStore store;
  private final Stripe[] stripes = new Stripe[STRIPES];

  private static final class Stripe {
    int[] slots = filled(64);
    int used;
  }

  StripedStateTable(StateStore store) {
    this.store = store;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, -1);
    return a;
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

  @Override
  public int add(long[] state, int parent, int rule) {
    long h = hash(state);
    Stripe s = stripes[(int) (h >>> (64 - STRIPE_BITS))];
    synchronized (s) {
      int mask = s.slots.length - 1;
      int i = (int) h & mask;
      while (true) {
        int id = s.slots[i];
        if (id < 0) {
          break;
        }
        if (store.equalsState(id, state)) {
          return -1 - id;
        }
        i = (i + 1) & mask;
      }
      int id = store.add(state, parent, rule);
      s.slots[i] = id;
      if (++s.used * 2 > s.slots.length) {
        grow(s);
      }
      return id;
    }
  }

  private void grow(Stripe s) {
    int[] old = s.slots;
    int[] bigger = filled(old.length * 2);
    int mask = bigger.length - 1;
    long[] buf = new long[store.words()];
    for (int id : old) {
      if (id >= 0) {
        store.get(id, buf);
        int i = (int) hash(buf) & mask;
        while (bigger[i] >= 0) {
          i = (i + 1) & mask;
        }
        bigger[i] = id;
      }
    }
    s.slots = bigger;
  }

  @Override
  public int find(long[] state) {
    long h = hash(state);
    Stripe s = stripes[(int) (h >>> (64 - STRIPE_BITS))];
    synchronized (s) {
      int mask = s.slots.length - 1;
      int i = (int) h & mask;
      while (true) {
        int id = s.slots[i];
        if (id < 0) {
          return -1;
        }
        if (store.equalsState(id, state)) {
          return id;
        }
        i = (i + 1) & mask;
      }
    }
  }

  @Override
  public int size() {
    return store.size();
  }
}
