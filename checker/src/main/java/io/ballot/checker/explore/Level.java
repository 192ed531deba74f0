package io.ballot.checker.explore;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A level being expanded, the states with ids {@code from .. to - 1}: its states in discovery order ({@code ids},
 * holes left out; null: the id order, holes included) and the shared cursor over those positions from which the
 * threads take their batches. Expanded in that order, each thread's parents come in rising positions, which lets
 * {@link ParentOffers} leave out most duplicates' offers.
 */
final class Level {
  final int from;
  final int[] ids;
  final int to;
  /** Positions in the level: {@code ids.length}, or {@code to - from}. */
  final int size;
  final AtomicInteger cursor = new AtomicInteger();

  Level(int from, int[] ids, int to) {
    this.from = from;
    this.ids = ids;
    this.to = to;
    this.size = ids == null ? to - from : ids.length;
  }

  /** The id of the state at {@code position}. */
  int id(int position) {
    return ids == null ? from + position : ids[position];
  }
}
