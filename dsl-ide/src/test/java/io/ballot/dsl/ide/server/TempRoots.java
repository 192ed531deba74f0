package io.ballot.dsl.ide.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes a test's temporary workspace root and what the test wrote in it, so that runs leave nothing in /tmp. */
final class TempRoots {
  private TempRoots() {}

  /** Deletes {@code root} and everything under it (nothing if it is gone already). */
  static void delete(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the test's workspace root " + root, e);
    }
  }
}
