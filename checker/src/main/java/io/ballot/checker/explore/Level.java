package io.ballot.checker.explore;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A level being expanded, the states with ids {@code from .. to - 1}, which are in discovery order ({@link
 * DiscoveryOrder}), and the shared cursor over their positions (id minus {@code from}, holes included) from which the
 * threads take their batches. Expanded in that order, each thread's parents come in rising positions, which lets
 * {@link ParentOffers} leave out most duplicates' offers.
 */
final class Level {
  final int from;
  final int to;
  /** Positions in the level: {@code to - from}. */
  final int size;
  final AtomicInteger cursor = new AtomicInteger();
  /** Frees the level's records as its chunks are expanded; null: they stay to the level's end. */
  final LevelRelease release;

  Level(int from, int to) {
    this(from, to, null);
  }

  Level(int from, int to, LevelRelease release) {
    this.from = from;
    this.to = to;
    this.size = to - from;
    this.release = release;
  }
}
