package io.ballot.checker.explore;

import java.util.function.IntPredicate;

/**
 * When the in-memory search hands its states over to the disk search ({@link LevelSpill}, {@code --store auto}),
 * and what it hands over: the levels found so far, read from the store. The hand-over is due at the first level
 * boundary where the next level is not expected to fit: once half the limit is used, the last level's size times
 * its growth over the one before, at the bytes per state held so far, with a quarter more as a margin.
 */
final class SpillPoint {
  private final StateStore store;
  private final MemoryBudget budget;
  /** The first id of each level found so far. */
  private final IntList starts = new IntList();
  private int previousLevel;

  SpillPoint(StateStore store, MemoryBudget budget) {
    this.store = store;
    this.budget = budget;
    starts.add(0);
  }

  /** Notes the level of ids {@code from .. to - 1} just found; returns whether to hand over now. */
  boolean due(int from, int to, long used) {
    if (from > starts.get(starts.size() - 1)) {
      starts.add(from);
    }
    int size = to - from;
    boolean due = size > 0 && nearLimit(size, used);
    previousLevel = size;
    return due;
  }

  private boolean nearLimit(int size, long used) {
    if (used < budget.limit() / 2) {
      return false; // the bytes per state are not known well yet (the store's first chunks), nor needed
    }
    double perState = used / (double) Math.max(1, store.size());
    double growth = previousLevel > 0 ? Math.max(1, size / (double) previousLevel) : 1;
    return used + size * growth * perState * 1.25 > budget.limit();
  }

  /**
   * The stored levels; the last, up to id {@code limit}, is the one to expand next, in the order {@code lastOrder}
   * (null: id order); {@code blocked} says which states violate an invariant.
   */
  LevelSpill.Levels levels(int limit, int[] lastOrder, IntPredicate blocked) {
    return new LevelSpill.Levels() {
      @Override
      public int words() {
        return store.words();
      }

      @Override
      public int count() {
        return starts.size();
      }

      @Override
      public int from(int d) {
        return d < starts.size() ? starts.get(d) : limit;
      }

      @Override
      public int[] lastLevelOrder() {
        return lastOrder;
      }

      @Override
      public boolean isHole(int id) {
        return store.isHole(id);
      }

      @Override
      public void get(int id, long[] out) {
        store.get(id, out);
      }

      @Override
      public int parent(int id) {
        return store.parent(id);
      }

      @Override
      public int rule(int id) {
        return store.rule(id);
      }

      @Override
      public boolean blocked(int id) {
        return blocked.test(id);
      }
    };
  }
}
