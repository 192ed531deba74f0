package io.ballot.checker.explore;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Frees the records of a level's chunks as soon as all their states are expanded, rather than at the level's end:
 * the level being built then reuses their arrays ({@link StateStore#dropChunk}), so the store holds about the wider
 * of the two levels' records, not both. Only for a seen-set that keeps the states of the levels already expanded as
 * values ({@link InlineSeenSet}), which drops those records at the level's end anyway. The workers tell it each batch
 * of ids they finished ({@link #expanded}); the chunk that also holds the next level's first ids is left to the
 * level's end. Thread-safe.
 */
final class LevelRelease {
  private final StateStore store;
  private final int from;
  private final int to;
  private final int firstChunk;
  /** States of the level per chunk still to be expanded. */
  private final AtomicIntegerArray left;

  /** For the level of ids {@code from .. to - 1} of {@code store}. */
  LevelRelease(StateStore store, int from, int to) {
    this.store = store;
    this.from = from;
    this.to = to;
    int bits = Integer.numberOfTrailingZeros(store.idsPerChunk());
    this.firstChunk = from >>> bits;
    int chunks = to > from ? ((to - 1) >>> bits) - firstChunk + 1 : 0;
    this.left = new AtomicIntegerArray(chunks);
    for (int c = 0; c < chunks; c++) {
      int start = Math.max(from, (firstChunk + c) << bits);
      int end = (int) Math.min(to, (long) (firstChunk + c + 1) << bits);
      left.set(c, end - start);
    }
  }

  /**
   * The states at positions {@code a .. b - 1} of {@code level} (this release's) were expanded: as {@link
   * #expanded(int, int)}, through the level's order when it has one, a count per run of ids in the same chunk (a
   * level's order keeps neighbouring states near each other).
   */
  void expanded(Level level, int a, int b) {
    if (level.order == null) {
      expanded(level.from + a, level.from + b);
      return;
    }
    int bits = Integer.numberOfTrailingZeros(store.idsPerChunk());
    int run = -1;
    int count = 0;
    for (int k = a, end = Math.min(b, level.size); k < end; k++) {
      int c = level.id(k) >>> bits;
      if (c != run) {
        release(run, count, bits);
        run = c;
        count = 0;
      }
      count++;
    }
    release(run, count, bits);
  }

  /** {@code count} more states of {@code chunk} expanded: frees it when none is left and no next-level id is in it. */
  private void release(int chunk, int count, int bits) {
    if (count > 0 && left.addAndGet(chunk - firstChunk, -count) == 0 && ((long) (chunk + 1) << bits) <= to) {
      store.dropChunk(chunk);
    }
  }

  /**
   * The ids {@code a .. b - 1} of the level were expanded (no record of them is read after this call): frees each
   * chunk whose states are now all expanded, unless it holds ids of the next level too.
   */
  void expanded(int a, int b) {
    int bits = Integer.numberOfTrailingZeros(store.idsPerChunk());
    for (int id = Math.max(a, from); id < Math.min(b, to); ) {
      int c = id >>> bits;
      int end = (int) Math.min(Math.min(b, to), (long) (c + 1) << bits);
      release(c, end - id, bits);
      id = end;
    }
  }
}
