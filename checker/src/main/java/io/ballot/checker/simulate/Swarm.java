package io.ballot.checker.simulate;

import java.util.SplittableRandom;

/**
 * One walk's configuration, as SPIN's swarm verification varies its searches: the walk's own random stream, drawn
 * from the run's seed and the walk's number only (so a walk is the same whichever thread runs it, and a run is
 * repeated exactly by its seed), and a weight per rule instance. One walk in four weighs every rule alike (a plain
 * random walk); the others give each rule instance a weight of 1 to 64 (a power of two), so that each walk favours
 * other rules and reaches corners a uniform walk rarely does. A successor is picked with probability proportional
 * to its rule's weight, among those the state offers (weighted reservoir sampling, one pass in rule order).
 */
final class Swarm implements StateVisitor.Choice {
  private static final int MAX_WEIGHT_LOG = 6;

  private final SplittableRandom random;
  private final long[] weights;
  private long total;

  /** The configuration of walk number {@code walk} of a run seeded with {@code seed}, over {@code rules} rules. */
  Swarm(long seed, long walk, int rules) {
    // split(): a stream with its own increment, so that the streams of neighbouring walks do not overlap
    this.random = new SplittableRandom(HyperLogLog.hash(new long[] {seed, walk})).split();
    this.weights = new long[rules];
    boolean uniform = random.nextInt(4) == 0;
    for (int i = 0; i < rules; i++) {
      weights[i] = uniform ? 1 : 1L << random.nextInt(MAX_WEIGHT_LOG + 1);
    }
  }

  /** Starts the choice of one state's successor. */
  Swarm reset() {
    total = 0;
    return this;
  }

  @Override
  public boolean offer(int rule) {
    long w = weights[rule];
    total += w;
    return random.nextLong(total) < w;
  }

  /** A number below {@code bound}, from the walk's stream (the start state's choice). */
  int nextInt(int bound) {
    return random.nextInt(bound);
  }
}
