package io.ballot.checker.explore;

/**
 * The wide-state store chosen by the memory limit ({@link io.ballot.checker.CheckOptions.WideStore#AUTO}): an exact
 * search of states wider than 63 bits starts with the id-indexed records, the fastest store, and moves its states
 * to the tree-compressed set ({@link TreeStateTable}, a third to a half of the bytes per state) at the first level
 * boundary where they are not expected to fit much longer: when the bytes held plus the next level's (the last
 * level's size times its growth over the one before, at the bytes per state held so far, with a quarter more as a
 * margin) would pass half the limit. Half, so that the tree can be built beside the records before they are
 * dropped. A search that can hand its states over to the disk search ({@link BfsExplorer#spillTo}, {@code --store
 * auto}) moves to the tree first all the same, and hands over instead only when the tree does not fit or is not
 * expected to leave room ({@link #treeFits}): compaction before disk.
 */
final class WideStoreSwitch {
  private final StateStore store;
  private final MemoryBudget budget;
  private final int bits;
  private int previousLevel;
  /** The last level's size and its growth over the one before, as {@link #due} saw them. */
  private int lastLevel;
  private double lastGrowth = 1;
  private boolean patient;

  /** A switch for a search over {@code store} of states of {@code bits} bits ({@link TreeStateTable#fits}). */
  WideStoreSwitch(StateStore store, int bits) {
    this.store = store;
    this.budget = store.budget();
    this.bits = bits;
  }

  /** Says that the search can hand over to disk instead ({@link #treeFits}): moves wait for a quarter of the limit. */
  void handOverPossible() {
    patient = true;
  }

  /** Notes the level of ids {@code from .. to - 1} just found, {@code used} bytes held; returns whether to move now. */
  boolean due(int from, int to, long used) {
    int size = to - from;
    double perState = used / (double) Math.max(1, store.size());
    double growth = previousLevel > 0 ? Math.max(1, size / (double) previousLevel) : 1;
    previousLevel = size;
    lastLevel = size;
    lastGrowth = growth;
    // Below a quarter of the limit the bytes per state are mostly fixed costs (the store's first chunks, the tables'
    // first arrays), not what the next level will take: a projection from them would move at the first levels, and,
    // with a hand-over possible, the tree, judged by the same figures, would be refused and the states handed over.
    return size > 0 && (!patient || used >= budget.limit() / 4)
        && used + size * growth * perState * 1.25 > budget.limit() / 2;
  }

  /**
   * The tree-compressed set of the states of ids {@code 0 .. to - 1}, filled on {@code parallel}'s parts beside the
   * records, which are left as they are. Throws {@link MemoryLimitReached} when the tree does not fit, its bytes given
   * back.
   */
  TreeStateTable build(int to, ParallelParts parallel) {
    TreeStateTable tree = new TreeStateTable(bits, budget);
    try {
      tree.addLevel(store, 0, to, parallel);
    } catch (MemoryLimitReached e) {
      tree.dispose();
      throw e;
    }
    return tree;
  }

  /**
   * Whether a search holding {@code before} bytes with the records, {@code after} once they are dropped for the tree,
   * should go on with the tree rather than hand over to disk: the tree holds at most three quarters of the bytes, and
   * twice its bytes with the next level (at its bytes per state, a quarter more as a margin) stay under half the
   * limit, so that it has room for as many states again. A tree that reaches the limit later cannot hand over, and
   * the search starts again on disk: worth the risk only with room to spare. No rule made from what a search has
   * found can know how far it grows (DiskStoreTest's parts model moves to the tree at 9,460 states and ends with
   * 262,144); over limits from 0.5 to 8 MB on its counters and parts models, room for half as many states again
   * started again at 5 of 40 limits, three quarters as many at 4, as many at 1 (parts under 1,280 KB, a limit its
   * whole tree, 1.26 MB, just misses).
   */
  boolean treeFits(long before, long after) {
    double perState = after / (double) Math.max(1, store.size());
    return after <= before * 3 / 4 && 2 * after + lastLevel * lastGrowth * perState * 1.25 <= budget.limit() / 2;
  }

  /**
   * The seen-set over {@code tree} ({@link #build}); the records below {@code from} (the level to expand next starts
   * there) are dropped and {@code records}' index is given back.
   */
  InlineSeenSet commit(TreeStateTable tree, StripedStateTable records, int from) {
    InlineSeenSet seen = new InlineSeenSet(store, bits, tree);
    records.dispose();
    store.dropRecordsBelow(from);
    return seen;
  }
}
