package io.ballot.cli;

import io.ballot.dsl.api.FormatResult;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.settings.ConstOverrides;
import java.nio.file.Path;

/**
 * What the commands need from the front end. The CLI goes through this interface (rather than {@link FrontEnd}
 * directly) so that tests can drive the commands with canned results.
 */
public interface ModelLoader {

  /** Reads, checks and lowers {@code file}; problems come back as diagnostics, never as exceptions. */
  LoadResult load(Path file);

  /**
   * Loads {@code file} with global constants' values replaced by {@code consts} (which then lists those it could
   * not apply). A loader that cannot replace constants (a test's canned one) loads the file as it is.
   */
  default LoadResult load(Path file, ConstOverrides consts) {
    return load(file);
  }

  /** Loads {@code file} and, if accepted, pretty-prints it, wrapping long expressions at {@code width} columns. */
  FormatResult format(Path file, int width);

  /** The real front end. Creating it builds an Xtext injector, so callers create it only when needed. */
  static ModelLoader frontEnd() {
    FrontEnd frontEnd = new FrontEnd();
    return new ModelLoader() {
      @Override
      public LoadResult load(Path file) {
        return frontEnd.load(file);
      }

      @Override
      public LoadResult load(Path file, ConstOverrides consts) {
        return frontEnd.load(file, consts);
      }

      public FormatResult format(Path file, int width) {
        return frontEnd.format(file, width);
      }
    };
  }
}
