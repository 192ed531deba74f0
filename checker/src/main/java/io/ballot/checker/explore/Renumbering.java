package io.ballot.checker.explore;

/**
 * How {@link DiscoveryOrder#finishLevel} renumbered a level, the ids {@code from .. limit - 1}: the states now have
 * the ids {@code from .. from + count() - 1} in discovery order, and the rest of the range are holes. Whatever held
 * one of the old ids (a pending violation, a blocked state, the seen-set's index) translates it with {@link #map}.
 */
final class Renumbering {
  final int from;
  final int limit;
  /** Old id minus {@link #from} to new id minus {@link #from}; -1 for an old hole. */
  private final int[] newIndex;
  /** New id minus {@link #from} to old id minus {@link #from}, for the states (not the holes). */
  private final int[] oldIndex;

  Renumbering(int from, int limit, int[] newIndex, int[] oldIndex) {
    this.from = from;
    this.limit = limit;
    this.newIndex = newIndex;
    this.oldIndex = oldIndex;
  }

  /** States in the level (its holes left out): they now have the ids {@code from .. from + count() - 1}. */
  int count() {
    return oldIndex.length;
  }

  /** The new id of the state that had id {@code id}; ids outside the level are unchanged. Not for a hole. */
  int map(int id) {
    if (id < from || id >= limit) {
      return id;
    }
    int k = newIndex[id - from];
    if (k < 0) {
      throw new IllegalArgumentException("id " + id + " was a hole");
    }
    return from + k;
  }

  /** The id that the state with new id {@code from + k} had before. */
  int oldId(int k) {
    return from + oldIndex[k];
  }
}
