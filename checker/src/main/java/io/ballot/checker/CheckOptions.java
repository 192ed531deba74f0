package io.ballot.checker;

/**
 * How to check a model. {@code threads} ≥ 1; {@code memoryBytes} caps the states' storage (≤ 0: most of the
 * heap); {@code bound} ≤ 0 means no depth bound; {@code maxErrors} ≥ 1 violations are collected before stopping;
 * {@code timeLimitSeconds} ≤ 0 means none.
 */
public record CheckOptions(
    int threads, long memoryBytes, DeadlockMode deadlock, int bound, int maxErrors, double timeLimitSeconds) {

  /** Deadlock detection, as Rumur's {@code --deadlock-detection}. */
  public enum DeadlockMode {
    /** No check. */
    OFF,
    /** A state where no rule is enabled. */
    STUCK,
    /** A state where no enabled rule changes the state (Rumur's default). */
    STUTTERING
  }

  /** Rumur's defaults on all available cores. */
  public static CheckOptions defaults() {
    return new CheckOptions(Runtime.getRuntime().availableProcessors(), 0, DeadlockMode.STUTTERING, 0, 1, 0);
  }

  public CheckOptions withThreads(int n) {
    return new CheckOptions(n, memoryBytes, deadlock, bound, maxErrors, timeLimitSeconds);
  }
}
