package io.ballot.checker.simulate;

import io.ballot.checker.CheckOptions;

/**
 * How to simulate a model: {@code walks} random walks ({@code 1..MAX_WALKS}) of at most {@code depth} rule firings
 * each ({@code 1..MAX_DEPTH}) from the run's {@code seed}; of {@code check}, the threads, the deadlock detection,
 * the time limit and the engine apply (memory, bound, symmetry and max-errors do not: a walk stores no states, and
 * a run reports one violation).
 */
public record SimulationOptions(long walks, int depth, long seed, CheckOptions check) {

  /** The default number of walks. */
  public static final long DEFAULT_WALKS = 10_000;
  /** The default depth of a walk, in rule firings. */
  public static final int DEFAULT_DEPTH = 1_000;
  /** The default seed: a run without {@code --seed} is repeatable too. */
  public static final long DEFAULT_SEED = 1;
  /** The most walks a run may ask for (10^12: more than a machine runs in a year). */
  public static final long MAX_WALKS = 1_000_000_000_000L;
  /** The deepest walk (10^7 firings: a walk keeps its steps, 4 bytes each, per thread). */
  public static final int MAX_DEPTH = 10_000_000;

  public SimulationOptions {
    if (walks < 1 || walks > MAX_WALKS || depth < 1 || depth > MAX_DEPTH || check == null) {
      throw new IllegalArgumentException("walks " + walks + ", depth " + depth + ": out of range");
    }
  }
}
