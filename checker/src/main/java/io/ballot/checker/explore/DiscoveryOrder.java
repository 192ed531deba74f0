package io.ballot.checker.explore;

import java.util.Arrays;

/**
 * The order in which a search on one thread finds the states, and the parent links that go with it, whatever the
 * number of threads. On one thread a level's states are expanded in order and each one's rules in index order, so a
 * state's parent is its least predecessor in the previous level (least by that level's order, then by rule index)
 * and the new level is found in the order of those (parent, rule) pairs; ids are then in this order.
 *
 * <p>Once a level is expanded by several threads, ids follow whichever thread stored a state first. From then on
 * each state of the level being built keeps the least (parent, rule) pair offered for it ({@link #offer}), and when
 * the level is complete its states are ranked by that pair ({@link #rankLevel}), the order a one-thread search would
 * have found them in. Parent links, hence counterexamples (and which state a liveness violation names), are then
 * a function of the model and the options alone. Below the first level expanded by several threads the order is the
 * id, and nothing is stored; above it, one int per state.
 *
 * <p>Written by the thread that runs the search between levels ({@link #startTracking}, {@link #rankLevel}); read by
 * the workers during a level (their tasks are submitted after those writes).
 */
final class DiscoveryOrder {
  private static final int CHUNK_BITS = 16;
  private static final int CHUNK_MASK = (1 << CHUNK_BITS) - 1;
  /** Ids below this are in discovery order already (their order is their id). */
  private int identityBelow = Integer.MAX_VALUE;
  private int[][] chunks = new int[8][];
  private int allocated;
  /** Locks for changing a state's parent, chosen by id (the parent and rule are two writes). */
  private final Object[] locks = new Object[64];

  DiscoveryOrder() {
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  /** The position of state {@code id} in discovery order (comparable within a level and across levels). */
  int of(int id) {
    return id < identityBelow ? id : chunks[id >>> CHUNK_BITS][id & CHUNK_MASK];
  }

  /** Whether states found from now on may be out of discovery order, so parents are to be chosen by {@link #offer}. */
  boolean tracking() {
    return identityBelow != Integer.MAX_VALUE;
  }

  /** Called before the first level expanded by several threads; the states it finds have ids from {@code next}. */
  void startTracking(int next) {
    if (!tracking()) {
      identityBelow = next;
    }
  }

  /**
   * Offers {@code parent} (at position {@code parentOrder}) and {@code rule} as the way to reach {@code found}, a
   * state of the level being built: kept when less than the pair recorded. Thread-safe; pairs only ever decrease,
   * so a stale first read can only make an offer that would be refused look refusable.
   */
  void offer(StateStore store, int found, int parent, int parentOrder, int rule) {
    if (!less(store, found, parentOrder, rule)) {
      return;
    }
    synchronized (locks[found & (locks.length - 1)]) {
      if (less(store, found, parentOrder, rule)) {
        store.setParent(found, parent, rule);
      }
    }
  }

  private boolean less(StateStore store, int found, int parentOrder, int rule) {
    int recorded = of(store.parent(found));
    return parentOrder < recorded || (parentOrder == recorded && rule < store.rule(found));
  }

  /**
   * Ranks the states with ids {@code from .. to - 1} (holes skipped; their parents have positions from {@code
   * parentsFrom} to below {@code from}) by (parent's position, rule): they get positions {@code from, from + 1, ...}.
   * A counting sort by parent, then by rule among siblings (few): linear in the level's size.
   */
  void rankLevel(StateStore store, int parentsFrom, int from, int to) {
    int[] start = new int[from - parentsFrom + 1];
    int n = 0;
    for (int id = from; id < to; id++) {
      if (!store.isHole(id)) {
        start[of(store.parent(id)) - parentsFrom + 1]++;
        n++;
      }
    }
    for (int i = 1; i < start.length; i++) {
      start[i] += start[i - 1];
    }
    int[] sorted = new int[n];
    for (int id = from; id < to; id++) {
      if (!store.isHole(id)) {
        sorted[start[of(store.parent(id)) - parentsFrom]++] = id;
      }
    }
    for (int i = 1; i < n; i++) { // insertion sort by rule: only siblings (same parent) are out of order
      int id = sorted[i];
      int p = store.parent(id);
      int r = store.rule(id);
      int j = i - 1;
      while (j >= 0 && store.parent(sorted[j]) == p && store.rule(sorted[j]) > r) {
        sorted[j + 1] = sorted[j];
        j--;
      }
      sorted[j + 1] = id;
    }
    ensure(to);
    for (int k = 0; k < n; k++) {
      int id = sorted[k];
      chunks[id >>> CHUNK_BITS][id & CHUNK_MASK] = from + k;
    }
  }

  /** Allocates the chunks for ids below {@code limit} (from {@link #identityBelow} on). */
  private void ensure(int limit) {
    int last = (limit - 1) >>> CHUNK_BITS;
    if (last >= chunks.length) {
      chunks = Arrays.copyOf(chunks, Math.max(last + 1, 2 * chunks.length));
    }
    for (int c = identityBelow >>> CHUNK_BITS; c <= last; c++) {
      if (chunks[c] == null) {
        chunks[c] = new int[1 << CHUNK_BITS];
        allocated++;
      }
    }
  }

  /** Bytes used by the positions stored. */
  long bytes() {
    return (long) allocated << (CHUNK_BITS + 2);
  }
}
