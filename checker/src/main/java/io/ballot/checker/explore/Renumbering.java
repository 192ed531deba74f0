package io.ballot.checker.explore;

/**
 * How {@link DiscoveryOrder#finishLevel} renumbered a level, the ids {@code from .. limit - 1}: the states now have
 * the ids {@code from .. from + count() - 1} in discovery order, and the rest of the range are holes. Whatever held
 * one of the old ids (a pending violation, a blocked state, the seen-set's index) translates it with {@link #map}.
 * Valid until the level after is renumbered (it may share the ranking's arrays); not thread-safe for {@link #map}.
 */
final class Renumbering {
  final int from;
  final int limit;
  /** New id minus {@link #from} to old id minus {@link #from}, for the states (not the holes): the first count. */
  private final int[] oldIndex;
  private final int count;
  /** Old id minus {@link #from} to new id minus {@link #from}, -1 for an old hole; made on the first {@link #map}. */
  private int[] newIndex;

  /** The renumbering that gives the state with old id {@code from + oldIndex[k]} the id {@code from + k}, k < count. */
  Renumbering(int from, int limit, int[] oldIndex, int count) {
    this.from = from;
    this.limit = limit;
    this.oldIndex = oldIndex;
    this.count = count;
  }

  /** States in the level (its holes left out): they now have the ids {@code from .. from + count() - 1}. */
  int count() {
    return count;
  }

  /**
   * The new id of the state that had id {@code id}; ids outside the level are unchanged. Not for a hole. The first
   * call inverts the renumbering (a pass over the level): only the few ids of violations and blocked states ask.
   */
  int map(int id) {
    if (id < from || id >= limit) {
      return id;
    }
    if (newIndex == null) {
      int[] inverse = new int[limit - from];
      java.util.Arrays.fill(inverse, -1);
      for (int k = 0; k < count; k++) {
        inverse[oldIndex[k]] = k;
      }
      newIndex = inverse;
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
