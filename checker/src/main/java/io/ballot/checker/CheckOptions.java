package io.ballot.checker;

/**
 * How to check a model. {@code threads} ≥ 1; {@code memoryBytes} caps the states' storage (≤ 0: most of the
 * heap); {@code bound} ≤ 0 means no depth bound; {@code maxErrors} ≥ 1 violations are collected before stopping;
 * {@code timeLimitSeconds} ≤ 0 means none; {@code engine} says how the model's transitions run (null: the default,
 * see {@link Engine#defaultEngine()}).
 */
public record CheckOptions(
    int threads,
    long memoryBytes,
    DeadlockMode deadlock,
    int bound,
    int maxErrors,
    double timeLimitSeconds,
    Engine engine) {

  /** Deadlock detection, as Rumur's {@code --deadlock-detection}. */
  public enum DeadlockMode {
    /** No check. */
    OFF,
    /** A state where no rule is enabled. */
    STUCK,
    /** A state where no enabled rule changes the state (Rumur's default). */
    STUTTERING
  }

  /** How the model's rules are executed. Both give the same results; they differ in speed only. */
  public enum Engine {
    /** Compiled to JVM bytecode (falls back to the interpreter, with a warning, where no compiler is available). */
    COMPILED,
    /** The reference interpreter of the IR. */
    INTERPRETED;

    /** {@link #COMPILED}, unless the system property {@code ballot.interpret} is {@code true}. */
    public static Engine defaultEngine() {
      return Boolean.getBoolean("ballot.interpret") ? INTERPRETED : COMPILED;
    }
  }

  public CheckOptions {
    if (engine == null) {
      engine = Engine.defaultEngine();
    }
  }

  /** Options with the default engine. */
  public CheckOptions(
      int threads, long memoryBytes, DeadlockMode deadlock, int bound, int maxErrors, double timeLimitSeconds) {
    this(threads, memoryBytes, deadlock, bound, maxErrors, timeLimitSeconds, null);
  }

  /** Rumur's defaults on all available cores. */
  public static CheckOptions defaults() {
    return new CheckOptions(Runtime.getRuntime().availableProcessors(), 0, DeadlockMode.STUTTERING, 0, 1, 0);
  }

  public CheckOptions withThreads(int n) {
    return new CheckOptions(n, memoryBytes, deadlock, bound, maxErrors, timeLimitSeconds, engine);
  }

  public CheckOptions withEngine(Engine e) {
    return new CheckOptions(threads, memoryBytes, deadlock, bound, maxErrors, timeLimitSeconds, e);
  }
}
