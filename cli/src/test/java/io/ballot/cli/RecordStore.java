package io.ballot.cli;

import java.util.function.Supplier;

/**
 * Runs a search in this JVM with wide states kept in the id-indexed store ({@code -Dballot.wideStore=records}, read
 * when a search starts) instead of the tree-compressed one, and restores the property after: tests run one at a time.
 */
final class RecordStore {
  private static final String PROPERTY = "ballot.wideStore";

  private RecordStore() {}

  static <T> T with(Supplier<T> search) {
    String before = System.getProperty(PROPERTY);
    System.setProperty(PROPERTY, "records");
    try {
      return search.get();
    } finally {
      if (before == null) {
        System.clearProperty(PROPERTY);
      } else {
        System.setProperty(PROPERTY, before);
      }
    }
  }
}
