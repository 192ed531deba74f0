package io.ballot.cluster;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What one task found in its partition of a level: rules fired (in all and per rule instance), cover hits (statement
 * sites, then property instances), states checked, and the least violations by {@link Found#ORDER} (at most the
 * run's {@code --max-errors}: the least ones of the level are among the least ones of its partitions). Deterministic
 * for a partition's content, so a retried task reports the same thing again ({@link StatsAccumulator} keeps one).
 */
public final class PartStats implements Serializable {
  private static final long serialVersionUID = 1L;

  final int partition;
  long rulesFired;
  long states;
  final long[] ruleFires;
  final long[] coverHits;
  final List<Found> found = new ArrayList<>();
  private final int maxFound;

  PartStats(int partition, int rules, int coverCounters, int maxFound) {
    this.partition = partition;
    this.ruleFires = new long[rules];
    this.coverHits = new long[coverCounters];
    this.maxFound = maxFound;
  }

  /** Notes a violation, keeping only the least {@code maxFound}. */
  void found(Found f) {
    found.add(f);
    if (found.size() > 2 * maxFound + 16) {
      trim();
    }
  }

  /** Drops all but the least {@code maxFound} violations. */
  void trim() {
    found.sort(Found.ORDER);
    if (found.size() > maxFound) {
      found.subList(maxFound, found.size()).clear();
    }
  }
}
