package io.ballot.checker;

/**
 * How to check a model. {@code threads} ≥ 1; {@code memoryBytes} caps the states' storage (≤ 0: most of the
 * heap); {@code bound} ≤ 0 means no depth bound; {@code maxErrors} ≥ 1 violations are collected before stopping;
 * {@code timeLimitSeconds} ≤ 0 means none; {@code engine} says how the model's transitions run (null: the default,
 * see {@link Engine#defaultEngine()}); {@code symmetry} is the reduction over scalarsets and multisets (null: off);
 * the first levels of the search are expanded by one thread until one has at least {@code singleThreadUntil} states
 * (0: by all threads from the first level; see {@link #SINGLE_THREAD_UNTIL}); with the compiled engine, the search
 * starts on the interpreter and compiles the model in the background once it has expanded {@code compileAfter}
 * states or run a few milliseconds (0: compiled before the search; see {@link #COMPILE_AFTER});
 * {@code hashCompactionBits} is 0 for an exact search, or the bits of the signatures kept per state (hash
 * compaction, {@value #MIN_HASH_BITS} to 64); {@code parents} says which parent a state keeps on several threads
 * (null: {@link Parents#LEAST}, the deterministic one); {@code wideStore} how an exact search without liveness
 * properties keeps the expanded states wider than 63 bits (null: {@link WideStore#AUTO}).
 */
public record CheckOptions(
    int threads,
    long memoryBytes,
    DeadlockMode deadlock,
    int bound,
    int maxErrors,
    double timeLimitSeconds,
    Engine engine,
    Symmetry symmetry,
    int singleThreadUntil,
    int compileAfter,
    int hashCompactionBits,
    Parents parents,
    WideStore wideStore) {

  /** The fewest signature bits hash compaction takes (CMurphi's {@code -b} allows as few; fewer miss too often). */
  public static final int MIN_HASH_BITS = 24;

  /**
   * The default {@code singleThreadUntil}. The first levels are when the JIT compiles the expansion path: with as
   * many workers as cores, a second worker competes with the compiler and both run slow code for longer, and
   * splitting levels this small gains little anyway (measurements: bench/LOG.md).
   */
  public static final int SINGLE_THREAD_UNTIL = 1 << 15;

  /**
   * The default {@code compileAfter}: a search of the compiled engine runs on the interpreter until it has expanded
   * this many states (or run {@code InterpretFirst.COMPILE_AFTER_MILLIS}), so that a small model is checked without
   * waiting for javac, and switches to compiled code once javac, started then in the background, is done. The same
   * results either way (docs/design.md, "Interpret first").
   */
  public static final int COMPILE_AFTER = 10_000;

  /**
   * The most worker threads a search starts (the command line, project file and header refuse more). Fixed rather
   * than derived from the machine, so that a project file or header accepted on one machine is accepted on every
   * other; far above any useful count (a level is split into batches of 512 states, and threads beyond the cores
   * only compete for them), and low enough that a typo such as {@code --threads 100000} cannot start thousands of
   * OS threads.
   */
  public static final int MAX_THREADS = 256;

  /**
   * Which parent a state keeps when a level is expanded by several threads. {@link #LEAST} is the one a search on
   * one thread keeps (counterexamples the same on any number of threads); {@link #FIRST} is whichever thread stored
   * the state first: no tracking, counterexamples that vary between runs. FIRST exists to measure what tracking
   * costs (the hidden {@code --x-parents} of {@code ballot check}), not for use.
   */
  public enum Parents {
    LEAST,
    FIRST
  }

  /**
   * How an exact search without liveness properties keeps the states it has expanded when they are wider than 63
   * bits (narrower ones are kept as bare values). {@link #TREE}: tree-compressed, a third to a half of the bytes per
   * state of {@link #RECORDS}, the id-indexed records every other search keeps, for about a tenth more CPU
   * (docs/design.md, compact store). {@link #AUTO}, the default: the records while they fit the memory limit, moved
   * to the tree at a level boundary when they would not (unless the search can hand over to disk, which needs the
   * records). TREE and RECORDS are {@code ballot check --compact-states on} and {@code off}.
   */
  public enum WideStore {
    AUTO,
    TREE,
    RECORDS
  }

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

    /** {@link #COMPILED}: the interpreter is chosen explicitly (it is the reference the compiled code is tested against). */
    public static Engine defaultEngine() {
      return COMPILED;
    }
  }

  /** Symmetry reduction, as Rumur's {@code --symmetry-reduction}. */
  public enum Symmetry {
    /** Every state as it is. */
    OFF,
    /**
     * States are normalised by sorting each scalarset's indices by a permutation-invariant signature, trying the
     * orders of tied indices only while they are few: sound, usually canonical, cheap.
     */
    HEURISTIC,
    /** Each state is replaced by the exact canonical representative of its orbit: exact counts. */
    EXHAUSTIVE
  }

  public CheckOptions {
    if (hashCompactionBits != 0 && (hashCompactionBits < MIN_HASH_BITS || hashCompactionBits > 64)) {
      throw new IllegalArgumentException("hash compaction takes " + MIN_HASH_BITS + " to 64 bits, not "
          + hashCompactionBits);
    }
    if (engine == null) {
      engine = Engine.defaultEngine();
    }
    if (parents == null) {
      parents = Parents.LEAST;
    }
    if (wideStore == null) {
      wideStore = WideStore.AUTO;
    }
    if (symmetry == null) {
      symmetry = Symmetry.OFF;
    }
  }

  /**
   * Options with these limits and every other option at its default (the compiled engine, no symmetry reduction,
   * {@link #SINGLE_THREAD_UNTIL}, {@link #COMPILE_AFTER}, an exact search, {@link Parents#LEAST}, {@link
   * WideStore#AUTO}); the {@code with} methods change one option each.
   */
  public CheckOptions(
      int threads, long memoryBytes, DeadlockMode deadlock, int bound, int maxErrors, double timeLimitSeconds) {
    this(threads, memoryBytes, deadlock, bound, maxErrors, timeLimitSeconds, null, null, SINGLE_THREAD_UNTIL,
        COMPILE_AFTER, 0, null, null);
  }

  /** Rumur's defaults (heuristic symmetry reduction) on all available cores. */
  public static CheckOptions defaults() {
    return new CheckOptions(Runtime.getRuntime().availableProcessors(), 0, DeadlockMode.STUTTERING, 0, 1, 0)
        .withSymmetry(Symmetry.HEURISTIC);
  }

  public CheckOptions withThreads(int n) {
    return new CheckOptions(
        n, memoryBytes, deadlock, bound, maxErrors, timeLimitSeconds, engine, symmetry, singleThreadUntil,
        compileAfter, hashCompactionBits, parents, wideStore);
  }

  /** These options with the memory limit {@code bytes} (≤ 0: most of the heap). */
  public CheckOptions withMemoryBytes(long bytes) {
    return new CheckOptions(threads, bytes, deadlock, bound, maxErrors, timeLimitSeconds, engine, symmetry,
        singleThreadUntil, compileAfter, hashCompactionBits, parents, wideStore);
  }

  public CheckOptions withEngine(Engine e) {
    return new CheckOptions(
        threads, memoryBytes, deadlock, bound, maxErrors, timeLimitSeconds, e, symmetry, singleThreadUntil,
        compileAfter, hashCompactionBits, parents, wideStore);
  }

  public CheckOptions withSymmetry(Symmetry s) {
    return new CheckOptions(
        threads, memoryBytes, deadlock, bound, maxErrors, timeLimitSeconds, engine, s, singleThreadUntil,
        compileAfter, hashCompactionBits, parents, wideStore);
  }

  /** These options with {@code singleThreadUntil} = {@code states} (0: every level on all threads). */
  public CheckOptions withSingleThreadUntil(int states) {
    return new CheckOptions(
        threads, memoryBytes, deadlock, bound, maxErrors, timeLimitSeconds, engine, symmetry, states, compileAfter,
        hashCompactionBits, parents, wideStore);
  }

  /**
   * These options with {@code compileAfter} = {@code states}: the compiled engine interprets until the search has
   * expanded that many states (0: compiled before the search starts, as the compiled engine always was).
   */
  public CheckOptions withCompileAfter(int states) {
    return new CheckOptions(threads, memoryBytes, deadlock, bound, maxErrors, timeLimitSeconds, engine, symmetry,
        singleThreadUntil, states, hashCompactionBits, parents, wideStore);
  }

  /** These options with hash compaction to {@code bits}-bit signatures (0: an exact search). */
  public CheckOptions withHashCompaction(int bits) {
    return new CheckOptions(threads, memoryBytes, deadlock, bound, maxErrors, timeLimitSeconds, engine, symmetry,
        singleThreadUntil, compileAfter, bits, parents, wideStore);
  }

  /** These options with {@code parents} (null: {@link Parents#LEAST}). */
  public CheckOptions withParents(Parents p) {
    return new CheckOptions(threads, memoryBytes, deadlock, bound, maxErrors, timeLimitSeconds, engine, symmetry,
        singleThreadUntil, compileAfter, hashCompactionBits, p, wideStore);
  }

  /** These options with {@code wideStore} (null: {@link WideStore#AUTO}). */
  public CheckOptions withWideStore(WideStore w) {
    return new CheckOptions(threads, memoryBytes, deadlock, bound, maxErrors, timeLimitSeconds, engine, symmetry,
        singleThreadUntil, compileAfter, hashCompactionBits, parents, w);
  }
}
