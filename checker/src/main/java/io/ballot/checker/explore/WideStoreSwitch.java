package io.ballot.checker.explore;

/**
 * The wide-state store chosen by the memory limit ({@link io.ballot.checker.CheckOptions.WideStore#AUTO}): an exact
 * search of states wider than 63 bits starts with the id-indexed records, the fastest store, and moves its states
 * to the tree-compressed set ({@link TreeStateTable}, a third to a half of the bytes per state) at the first level
 * boundary where they are not expected to fit much longer: when the bytes held plus the next level's (the last
 * level's size times its growth over the one before, at the bytes per state held so far, with a quarter more as a
 * margin) would pass half the limit. Half, so that the tree can be built beside the records before they are
 * dropped. A search that can hand its states over to the disk search at its limit ({@link BfsExplorer#spillTo})
 * keeps the records (a hand-over needs ids), so never moves.
 */
final class WideStoreSwitch {
  private final StateStore store;
  private final MemoryBudget budget;
  private final int bits;
  private int previousLevel;

  /** A switch for a search over {@code store} of states of {@code bits} bits ({@link TreeStateTable#fits}). */
  WideStoreSwitch(StateStore store, int bits) {
    this.store = store;
    this.budget = store.budget();
    this.bits = bits;
  }

  /** Notes the level of ids {@code from .. to - 1} just found, {@code used} bytes held; returns whether to move now. */
  boolean due(int from, int to, long used) {
    int size = to - from;
    double perState = used / (double) Math.max(1, store.size());
    double growth = previousLevel > 0 ? Math.max(1, size / (double) previousLevel) : 1;
    previousLevel = size;
    return size > 0 && used + size * growth * perState * 1.25 > budget.limit() / 2;
  }

  /**
   * The tree-compressed seen-set holding the states of ids {@code 0 .. to - 1}, filled on {@code parallel}'s parts;
   * then the records below {@code from} (the level to expand next starts there) are dropped and {@code records}' index
   * is given back. Throws {@link MemoryLimitReached} when the tree does not fit; the records are then as they were.
   */
  InlineSeenSet move(StripedStateTable records, int from, int to, ParallelParts parallel) {
    TreeStateTable tree = new TreeStateTable(bits, budget);
    InlineSeenSet seen = new InlineSeenSet(store, bits, tree);
    tree.addLevel(store, 0, to, parallel);
    records.dispose();
    store.dropRecordsBelow(from);
    return seen;
  }
}
