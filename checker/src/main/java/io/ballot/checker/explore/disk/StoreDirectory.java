package io.ballot.checker.explore.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The disk store's directory: checked before a search, removed after one that made it in a temporary place. */
public final class StoreDirectory {
  private StoreDirectory() {}

  /**
   * Why the disk search cannot write under {@code dir} (created if missing), or null when it can: tried by creating
   * and removing a file there.
   */
  public static String unwritable(Path dir) {
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, "ballot-probe-", ".tmp");
      Files.delete(probe);
      return null;
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return dir + ": cannot write the disk store there (" + why + ")";
    }
  }

  /** Deletes {@code dir} and what it holds; best effort (a file still open elsewhere stays). */
  static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // left behind: a temporary directory
        }
      });
    } catch (IOException e) {
      // nothing to delete
    }
  }
}
