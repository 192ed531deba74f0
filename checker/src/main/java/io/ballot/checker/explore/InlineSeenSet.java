package io.ballot.checker.explore;

import io.ballot.checker.CheckOptions;

/**
 * The exact seen-set that keeps no record of the states already expanded: the states of the levels already found
 * are kept as values with no ids ({@link FoundStates}): inline in an {@link InlineStateTable} (a few bytes each) when
 * they have at most 63 bits, tree-compressed in a {@link TreeStateTable} when wider ({@link #forBits}); the level
 * being built is indexed by id ({@link StripedStateTable}), so that its duplicates still name their state for the
 * parent choice; the store keeps the records of the level being expanded and of the one being built only. When a
 * level is complete ({@link #levelFound}) its states join the set and the store drops the records below it. A state
 * is in exactly one of the two, so the search is exact; like hash compaction it keeps no ids for earlier levels (a
 * duplicate of one is reported as {@code -1}, an id below the level being built) and traces replay dropped states
 * from the start.
 *
 * <p>With the tree from the start ({@link #byReference}), the store's records are the states' root pairs ({@link
 * StateStore#ofReferences}), 8 bytes a state rather than the state's bytes: a successor is encoded first (its new
 * parts interned in the tree's inner tables at once), then looked up by its pair in the level being built and in
 * the root set; the store decodes a record through the tree when a state is read.
 */
final class InlineSeenSet implements SeenSet {
  private final StateStore store;
  private final FoundStates table;
  /** The index of the level being built; null when the records are references ({@link #byReference}). */
  private final StripedStateTable level;
  /** The tree when the store's records are its root pairs ({@link #byReference}); else null. */
  private final TreeStateTable references;
  /** The index of the level being built when the records are references; else null. */
  private final ReferenceLevelIndex referenceLevel;

  /**
   * A seen-set over {@code store} for states of {@code stateBits} bits: inline when they have 1 to 63 bits,
   * tree-compressed when more and {@code wideStore} is {@link CheckOptions.WideStore#TREE}; else (and for states of
   * no bits) null: the caller indexes the records (and, under {@link CheckOptions.WideStore#AUTO}, may move them to
   * the tree later: {@link WideStoreSwitch}).
   */
  static InlineSeenSet forBits(StateStore store, int stateBits, CheckOptions.WideStore wideStore) {
    if (InlineStateTable.fits(stateBits)) {
      return new InlineSeenSet(store, stateBits, new InlineStateTable(stateBits, store.budget()));
    }
    if (!TreeStateTable.fits(stateBits) || wideStore != CheckOptions.WideStore.TREE) {
      return null;
    }
    TreeStateTable tree = new TreeStateTable(stateBits, store.budget());
    if (store.keepsReferences()) {
      store.decodeWith(tree);
    }
    return new InlineSeenSet(store, stateBits, tree);
  }

  /**
   * Whether {@link #forBits} will keep states of {@code stateBits} bits in a tree from the start: then the store
   * should keep references ({@link StateStore#ofReferences}).
   */
  static boolean byReference(int stateBits, CheckOptions.WideStore wideStore) {
    return !InlineStateTable.fits(stateBits) && TreeStateTable.fits(stateBits)
        && wideStore == CheckOptions.WideStore.TREE;
  }

  /** A seen-set over {@code store} for states of {@code stateBits} bits ({@link InlineStateTable#fits}). */
  InlineSeenSet(StateStore store, int stateBits) {
    this(store, stateBits, new InlineStateTable(stateBits, store.budget()));
  }

  /** A seen-set over {@code store} for states of {@code stateBits} bits whose found levels go to {@code table}. */
  InlineSeenSet(StateStore store, int stateBits, FoundStates table) {
    this.store = store;
    this.table = table;
    this.references = table instanceof TreeStateTable t && store.decoder() == t ? t : null;
    this.level = references != null ? null : new StripedStateTable(store, stateBits <= 32, 7);
    this.referenceLevel = references == null ? null : new ReferenceLevelIndex(store);
  }

  @Override
  public int add(StateStore.Appender appender, long[] state, int parent, int rule) {
    if (references != null) {
      long[] key = references.encode(state, appender);
      int id = referenceLevel.lookup(key);
      if (id >= 0) {
        return -1 - id;
      }
      if (references.containsPair(key[0])) {
        return -1;
      }
      return referenceLevel.add(appender, key, parent, rule);
    }
    // The level being built first: in a breadth-first search most successors are its own duplicates.
    int id = level.lookup(state);
    if (id >= 0) {
      return -1 - id;
    }
    if (table.contains(state, appender)) {
      return -1; // found in an earlier level (its id is not kept): -1 - 0, an id below the level being built
    }
    return level.add(appender, state, parent, rule);
  }

  /** The id of {@code state} when it is in the level being built, else -1 (earlier levels keep no ids). */
  @Override
  public int find(long[] state) {
    if (references != null) {
      long pair = references.pairOf(state);
      return pair < 0 ? -1 : referenceLevel.find(new long[] {pair});
    }
    return level.find(state);
  }

  @Override
  public int size() {
    return store.size();
  }

  /**
   * Nothing to translate: the level's index serves only the lookups while the level is built, and {@link
   * #levelFound}, next, clears it (the set keeps no ids of found levels).
   */
  @Override
  public void renumber(Renumbering r, ParallelParts parallel) {}

  /** Bytes of the set of earlier levels. */
  long tableBytes() {
    return table.bytes();
  }

  /** The set of earlier levels (for the accounting breakdown). */
  FoundStates table() {
    return table;
  }

  /** Bytes of the index of the level being built. */
  long levelIndexBytes() {
    return level != null ? level.indexBytes() : referenceLevel.indexBytes();
  }

  /**
   * The level with ids {@code from .. limit - 1} is complete: a new index starts for the next level ({@link
   * #levelBuilt}, if not yet), the store drops the records below {@code from}, and the level's states join the
   * table. Throws {@link MemoryLimitReached} when the table cannot grow to hold them. The inserts, a cache miss each
   * and otherwise a serial phase between two parallel levels (14 % of a 2-thread search's CPU samples on counters
   * 10^7), are split among {@code parallel}'s parts (null: all on this thread), as the table knows how ({@link
   * FoundStates#addLevel}).
   */
  void levelFound(int from, int limit, ParallelParts parallel) {
    levelBuilt();
    // The expanded level's records first: the table's growth then does not add to them.
    store.dropRecordsBelow(from);
    table.addLevel(store, from, limit, parallel);
  }

  /**
   * The level being built is complete: its index is emptied for the next level (no lookup may run until then). Before
   * the level is ranked and joins the table, so that their arrays do not add to it: on PaxosCommit the search's
   * high-water mark had been the root set's growth with the index of a wide level still held.
   */
  void levelBuilt() {
    if (level != null) {
      level.clear();
    } else {
      referenceLevel.clear(store.idLimit()); // the next level's first id
    }
  }
}
