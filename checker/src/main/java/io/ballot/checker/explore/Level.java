package io.ballot.checker.explore;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A level being expanded, the states with ids {@code from .. to - 1}, and the shared cursor over their positions in
 * discovery order ({@link DiscoveryOrder}) from which the threads take their batches: the id minus {@code from}
 * (holes included) when the level is in discovery order by id, else given by {@code order}. Expanded in that order,
 * each thread's parents come in rising positions, which lets {@link ParentOffers} leave out most duplicates' offers.
 */
final class Level {
  final int from;
  final int to;
  /** Per position, the state's id minus {@code from} (its first {@link #size}); null: the position is that. */
  final int[] order;
  /** Positions in the level: {@code to - from}, or the states {@code order} lists. */
  final int size;
  final AtomicInteger cursor = new AtomicInteger();
  /** Frees the level's records as its chunks are expanded; null: they stay to the level's end. */
  final LevelRelease release;

  /** The level of ids {@code from .. to - 1}, in discovery order by id. */
  Level(int from, int to) {
    this(from, to, null, to - from, null);
  }

  /**
   * The level of ids {@code from .. to - 1} whose {@code count} states are, in discovery order, {@code order}'s (null:
   * in id order); {@code release} (null: none) frees its records as they are expanded.
   */
  Level(int from, int to, int[] order, int count, LevelRelease release) {
    this.from = from;
    this.to = to;
    this.order = order;
    this.size = order == null ? to - from : count;
    this.release = release;
  }

  /** The id of the state at {@code position}. */
  int id(int position) {
    return order == null ? from + position : from + order[position];
  }
}
