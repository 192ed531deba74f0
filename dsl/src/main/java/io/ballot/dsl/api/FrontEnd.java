package io.ballot.dsl.api;

import java.nio.file.Path;

/**
 * The Murphi front end: parse, resolve names, type-check and lower a model file to the checker's IR. One instance
 * holds its own Xtext injector; instances share no state, so several may be used in one JVM. Bad input never throws:
 * every problem comes back as a {@link Diagnostic}.
 */
public final class FrontEnd {

  /** Reads, checks and lowers {@code file}. */
  public LoadResult load(Path file) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Checks {@code text} as though it were the content of a file named {@code fileName}. */
  public LoadResult load(String fileName, String text) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Loads {@code file} and, if it is accepted, pretty-prints it in a stable, re-parseable layout. */
  public FormatResult format(Path file) {
    throw new UnsupportedOperationException("TODO");
  }
}
