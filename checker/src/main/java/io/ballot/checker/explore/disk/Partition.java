package io.ballot.checker.explore.disk;

import java.nio.file.Path;

/**
 * One hash range of the disk search's states ({@link #of}): its own candidate table and seen-set (runs, filter and
 * cache), so that the partitions take successors and look them up on disk on different threads at once. A state
 * always falls in the same partition, so duplicates meet there; each table keeps its candidates in the order found,
 * and the search merges the partitions' new states back into that order by their (parent, rule), which is the order
 * a one-thread search finds them in.
 */
final class Partition implements AutoCloseable {
  final CandidateTable table;
  final DiskSeenSet seen;
  /** Per candidate after {@link #lookUp}: whether it was new. */
  boolean[] fresh = new boolean[0];
  /** Per new candidate after the search numbered them: its id. */
  long[] ids = new long[0];
  /** A state buffer for the invariant checks of this partition's new states. */
  final long[] scratch;
  /** Where {@link Expansion} stopped offering a chunk's successors when the table filled: slice and index. */
  int slice;
  int index;
  boolean done;

  /** Partition of {@code parts} whose files are {@code prefix N .run} in {@code dir}, with tables of these sizes. */
  Partition(Path dir, String prefix, int words, int tableCapacity, long bloomBits, long cacheSlots, int parts) {
    this.table = new CandidateTable(words, tableCapacity);
    this.seen = new DiskSeenSet(dir, prefix, words, bloomBits, cacheSlots, parts);
    this.scratch = new long[words];
  }

  /** The partition of a state of hash {@code h} among {@code n}: from the hash's bits 32-63. */
  static int of(long h, int n) {
    return n == 1 ? 0 : (int) (((h >>> 32) * n) >>> 32);
  }

  /**
   * Takes a candidate unless the cache knows it as seen or the table holds it; returns whether the table is full
   * (the search must flush before the next offer).
   */
  boolean offer(long h, long[] s, int off, int parent, int rule) {
    if (seen.recent.contains(h, s, off)) {
      return false;
    }
    return table.add(h, s, off, parent, rule) && table.full();
  }

  /** Marks the table's candidates not seen before ({@link #fresh}) and adds them to the seen-set. */
  void lookUp(boolean knownNew) {
    if (fresh.length < table.capacity) {
      fresh = new boolean[table.capacity];
      ids = new long[table.capacity];
    }
    seen.addNew(table, fresh, knownNew);
  }

  /** The found-order key of candidate {@code i}: its parent's id, then its rule. */
  long key(int i) {
    return ((long) table.parents[i] << 32) | (table.rules[i] & 0xFFFFFFFFL);
  }

  long memoryBytes() {
    return table.bytes() + fresh.length * 9L + seen.memoryBytes();
  }

  @Override
  public void close() {
    seen.close();
  }
}
