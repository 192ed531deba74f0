package io.ballot.cli;

import io.ballot.checker.StoreChoice;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What one run of {@code ballot} shares between its commands: the front end, created on first use (it builds an
 * Xtext injector, which {@code --help} and {@code --version} should not pay for), whether stderr is a terminal
 * (live progress is drawn only there), and whether Ctrl-C asked the run to stop. One instance per run; no statics.
 */
final class CliContext {

  private final Supplier<ModelLoader> loaderFactory;
  private final boolean errIsTerminal;
  private final boolean handlesSigint;
  private final AtomicInteger interrupts = new AtomicInteger();
  private ModelLoader loader;
  /** {@code --engine spark}: the cluster engine the checks run on; null: the local explorer. */
  private SparkEngine cluster;
  /** {@code --store}: where the states are kept. */
  private StoreChoice store = StoreChoice.AUTO;
  private boolean storeExplicit;

  CliContext(Supplier<ModelLoader> loaderFactory) {
    this(loaderFactory, false);
  }

  CliContext(Supplier<ModelLoader> loaderFactory, boolean errIsTerminal) {
    this(loaderFactory, errIsTerminal, false);
  }

  /** {@code handlesSigint}: whether {@link #stoppingOnSigint} may take over SIGINT (only in ballot's own process). */
  CliContext(Supplier<ModelLoader> loaderFactory, boolean errIsTerminal, boolean handlesSigint) {
    this.loaderFactory = Objects.requireNonNull(loaderFactory);
    this.errIsTerminal = errIsTerminal;
    this.handlesSigint = handlesSigint;
  }

  ModelLoader loader() {
    if (loader == null) {
      loader = Objects.requireNonNull(loaderFactory.get(), "model loader");
    }
    return loader;
  }

  /** The cluster engine checks run on, or null for the local explorer. */
  SparkEngine cluster() {
    return cluster;
  }

  /** Runs this run's checks on {@code engine} (null: locally). */
  void useCluster(SparkEngine engine) {
    cluster = engine;
  }

  /** Where the checks keep their states ({@code --store}). */
  StoreChoice store() {
    return store;
  }

  /** Keeps this run's states as {@code choice} says. */
  void useStore(StoreChoice choice) {
    useStore(choice, false);
  }

  /** As {@link #useStore(StoreChoice)}; {@code explicit}: given on the command line, so it wins over a project file. */
  void useStore(StoreChoice choice, boolean explicit) {
    store = Objects.requireNonNull(choice);
    storeExplicit = explicit;
  }

  /**
   * Where the check of {@code run} keeps its states: {@code --store} when given, else the project file's {@code
   * store} for the model, else the default.
   */
  StoreChoice storeFor(io.ballot.cli.gate.ModelRun run) {
    return storeExplicit || run.store() == null ? store : run.store();
  }

  /** True when what the command prints on stderr goes to a terminal, so that a live progress line may be drawn. */
  boolean errIsTerminal() {
    return errIsTerminal;
  }

  /** Whether the run was asked to stop (Ctrl-C, or {@link #interrupt}). */
  boolean interrupted() {
    return interrupts.get() > 0;
  }

  /** Asks the run to stop as a time limit stops it: the current check ends with the states found so far. */
  void interrupt() {
    interrupts.incrementAndGet();
  }

  /**
   * Runs {@code body} with SIGINT (Ctrl-C) asking the run to stop ({@link #interrupt}) rather than killing the JVM,
   * so that the partial statistics and the report files are still written; a second Ctrl-C ends the JVM at once
   * (exit 130). SIGINT's previous handler is restored afterwards. Without {@code handlesSigint}, or where the JVM
   * offers no signal API, {@code body} just runs.
   */
  <T> T stoppingOnSigint(Supplier<T> body) {
    Object previous = handlesSigint ? SigintHandler.install(() -> {
      if (interrupts.incrementAndGet() > 1) {
        Runtime.getRuntime().halt(130);
      }
    }) : null;
    try {
      return body.get();
    } finally {
      if (previous != null) {
        SigintHandler.restore(previous);
      }
    }
  }
}
