package io.ballot.cli;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What one run of {@code ballot} shares between its commands: the front end, created on first use (it builds an
 * Xtext injector, which {@code --help} and {@code --version} should not pay for), and whether stderr is a terminal
 * (live progress is drawn only there). One instance per run; no statics.
 */
final class CliContext {

  private final Supplier<ModelLoader> loaderFactory;
  private final boolean errIsTerminal;
  private ModelLoader loader;

  CliContext(Supplier<ModelLoader> loaderFactory) {
    this(loaderFactory, false);
  }

  CliContext(Supplier<ModelLoader> loaderFactory, boolean errIsTerminal) {
    this.loaderFactory = Objects.requireNonNull(loaderFactory);
    this.errIsTerminal = errIsTerminal;
  }

  ModelLoader loader() {
    if (loader == null) {
      loader = Objects.requireNonNull(loaderFactory.get(), "model loader");
    }
    return loader;
  }

  /** True when what the command prints on stderr goes to a terminal, so that a live progress line may be drawn. */
  boolean errIsTerminal() {
    return errIsTerminal;
  }
}
