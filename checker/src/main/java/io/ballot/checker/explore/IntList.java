package io.ballot.checker.explore;

import java.util.Arrays;

/** A growable list of ints (state ids), without boxing. Not thread-safe. */
final class IntList {
  private int[] items = new int[16];
  private int size;

  void add(int v) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    items[size++] = v;
  }

  void addAll(IntList other) {
    if (size + other.size > items.length) {
      items = Arrays.copyOf(items, Math.max(items.length * 2, size + other.size));
    }
    System.arraycopy(other.items, 0, items, size, other.size);
    size += other.size;
  }

  int get(int i) {
    return items[i];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  boolean isEmpty() {
    return size == 0;
  }
}
