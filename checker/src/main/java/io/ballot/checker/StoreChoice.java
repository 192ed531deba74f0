package io.ballot.checker;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a search keeps its states ({@code --store}): {@code memory} (the heap; the run stops with exit 4 at the
 * memory limit), {@code disk} (files under {@code dir}, or a temporary directory removed at the end when {@code dir}
 * is null), or {@code auto}, the default: in memory, handed over to the disk search at a level boundary when the
 * memory limit nears.
 */
public record StoreChoice(Kind kind, Path dir) {
  public enum Kind {
    AUTO,
    MEMORY,
    DISK
  }

  /** The default: {@code auto}. */
  public static final StoreChoice AUTO = new StoreChoice(Kind.AUTO, null);

  /**
   * Parses {@code auto}, {@code memory}, {@code disk} or {@code disk:DIR}; throws {@link IllegalArgumentException}
   * with a message for the user on anything else.
   */
  public static StoreChoice parse(String text) {
    String t = text.trim();
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.equals("auto")) {
      return AUTO;
    }
    if (lower.equals("memory")) {
      return new StoreChoice(Kind.MEMORY, null);
    }
    if (lower.equals("disk")) {
      return new StoreChoice(Kind.DISK, null);
    }
    if (lower.startsWith("disk:") && t.length() > 5) {
      return new StoreChoice(Kind.DISK, Path.of(t.substring(5)));
    }
    throw new IllegalArgumentException("invalid value for --store: '" + text
        + "' (expected auto, memory, disk or disk:DIR)");
  }

  /** As written on the command line. */
  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + (dir == null ? "" : ":" + dir);
  }
}
