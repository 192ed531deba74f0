package io.ballot.cli;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What one run of {@code ballot} shares between its commands: the front end, created on first use (it builds an
 * Xtext injector, which {@code --help} and {@code --version} should not pay for). One instance per run; no statics.
 */
final class CliContext {

  private final Supplier<ModelLoader> loaderFactory;
  private ModelLoader loader;

  CliContext(Supplier<ModelLoader> loaderFactory) {
    this.loaderFactory = Objects.requireNonNull(loaderFactory);
  }

  ModelLoader loader() {
    if (loader == null) {
      loader = Objects.requireNonNull(loaderFactory.get(), "model loader");
    }
    return loader;
  }
}
