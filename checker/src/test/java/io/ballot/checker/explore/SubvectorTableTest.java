package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tree's inner tables: ids in first-seen order across the pages of values, their bytes, a growth refused. */
class SubvectorTableTest {
  @Test
  void idsStayInFirstSeenOrderAcrossPagesAndValuesTakeAboutEightBytes() {
    MemoryBudget budget = new MemoryBudget(Long.MAX_VALUE, true);
    SubvectorTable t = new SubvectorTable(budget);
    int n = 100_000; // twelve pages and a part
    long[] values = new Random(5).longs(n).distinct().toArray();
    for (int i = 0; i < values.length; i++) {
      assertEquals(i, t.intern(values[i]));
      assertEquals(i, t.intern(values[i]), "a value seen again keeps its id");
    }
    for (int i = 0; i < values.length; i++) {
      assertEquals(i, t.find(values[i]));
    }
    assertEquals(-1, t.find(0x5EED_0000_0000_0001L));
    assertEquals(values.length, t.size());
    assertEquals(budget.used(), t.bytes(), "every byte charged is counted");
    // values: one page past what is held at most (not up to twice); the index: 4 bytes a slot at 37-75 % load
    long index = 4L * Integer.highestOneBit(values.length * 4 / 3) * 2;
    assertTrue(t.bytes() <= 8L * (values.length + 8192) + index + 4096, "bytes: " + t.bytes());
    t.dispose();
    assertEquals(0, budget.used());
  }

  @Test
  void pairsOfSmallIdsTakeFourBytesAndKeepTheirIdsWhenReEncodedOrWidened() {
    MemoryBudget budget = new MemoryBudget(Long.MAX_VALUE, true);
    SubvectorTable t = new SubvectorTable(budget);
    Random random = new Random(7);
    java.util.List<Long> pairs = new java.util.ArrayList<>();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    // pairs of ids below 2^10 and 2^20 (30 bits: ints, the shift moved from the first 16), then one that needs 33
    while (pairs.size() < 50_000) {
      long pair = ((long) random.nextInt(1 << 10) << 32) | random.nextInt(1 << 20);
      if (seen.add(pair)) {
        pairs.add(pair);
      }
    }
    for (int i = 0; i < pairs.size(); i++) {
      assertEquals(i, t.intern(pairs.get(i)));
    }
    assertEquals(4, t.valueBytes(pairs.size() - 1), "30-bit pairs and two bits of room take four bytes");
    assertEquals(budget.used(), t.bytes(), "every byte charged is counted");
    long index = (long) (4 * pairs.size() * 8 / 7.0 * 1.5) + 64; // grown by half when seven eighths full
    assertTrue(t.bytes() <= 4L * (pairs.size() + 8192) + index + 4096, "bytes: " + t.bytes());
    for (int i = 0; i < pairs.size(); i++) {
      assertEquals(i, t.find(pairs.get(i)), "found after re-encoding");
    }
    assertEquals(-1, t.find((1L << 40) | 3), "a pair too wide for the ints is absent");
    long wide = (1L << 31 << 32) | 5;
    assertEquals(pairs.size(), t.intern(wide));
    assertEquals(7, t.valueBytes(pairs.size()), "a pair of 52 bits re-encodes the last page: seven bytes");
    assertEquals(4, t.valueBytes(0), "the full pages keep their four bytes");
    for (int i = 0; i < pairs.size(); i++) {
      assertEquals(i, t.find(pairs.get(i)), "found after widening");
    }
    assertEquals(pairs.size(), t.find(wide));
    assertEquals(budget.used(), t.bytes(), "every byte charged is counted");
    t.dispose();
    assertEquals(0, budget.used());
  }

  @Test
  void concurrentInternsGiveEachValueOneIdThroughReEncodingsAndGrowth() throws Exception {
    MemoryBudget budget = new MemoryBudget(Long.MAX_VALUE, true);
    SubvectorTable t = new SubvectorTable(budget);
    int n = 40_000;
    long[] pairs = new long[n];
    for (int i = 0; i < n; i++) { // halves growing with i: re-encodings, then longs, while the others look up
      pairs[i] = ((long) (i * 7919 % (1 + i)) << 32) | ((long) i * i % (1L << Math.min(31, 8 + i / 1000)));
    }
    int[][] ids = new int[2][n];
    Thread[] threads = new Thread[2];
    java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
    for (int p = 0; p < 2; p++) {
      int part = p;
      threads[p] = new Thread(() -> {
        for (int i = 0; i < n; i++) {
          int k = part == 0 ? i : n - 1 - i;
          ids[part][k] = t.internShared(pairs[k]);
          // a find racing with the other thread's interns may miss (the index is rebuilt in place), never give
          // another id; a miss is confirmed under the lock, as the tree does
          int found = t.find(pairs[k]);
          if (found != ids[part][k] && (found != -1 || t.internShared(pairs[k]) != ids[part][k])) {
            failed.compareAndSet(null, new AssertionError("value " + k + " found as " + found));
          }
        }
      });
      threads[p].setUncaughtExceptionHandler((thread, e) -> failed.compareAndSet(null, e));
      threads[p].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (failed.get() != null) {
      throw new AssertionError(failed.get());
    }
    for (int i = 0; i < n; i++) {
      assertEquals(pairs[i], t.get(ids[0][i]), "value " + i + " read back through its page's encoding");
      assertEquals(ids[0][i], t.find(pairs[i]), "value " + i + " found as its id once the interns are over");
    }
    java.util.Map<Long, Integer> byValue = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      assertEquals(ids[0][i], ids[1][i], "one id per value");
      Integer before = byValue.putIfAbsent(pairs[i], ids[0][i]);
      assertTrue(before == null || before == ids[0][i]);
    }
    assertEquals(byValue.size(), t.size());
    assertEquals(budget.used(), t.bytes());
  }

  @Test
  void aGrowthThatDoesNotFitLeavesTheValuesInterned() {
    MemoryBudget budget = new MemoryBudget(300_000, true);
    SubvectorTable t = new SubvectorTable(budget);
    int[] interned = {0};
    assertThrows(MemoryLimitReached.class, () -> {
      for (long v = 1; ; v++) {
        t.intern(v * 0x9E3779B97F4A7C15L);
        interned[0]++;
      }
    });
    assertTrue(interned[0] > 10_000, "interned " + interned[0]);
    assertTrue(budget.used() <= budget.limit());
    for (long v = 1; v <= interned[0]; v++) {
      assertEquals(v - 1, t.find(v * 0x9E3779B97F4A7C15L));
    }
  }

  @Test
  void valuesTakeTheBytesTheirHalvesNeedPageByPage() {
    MemoryBudget budget = new MemoryBudget(Long.MAX_VALUE, true);
    SubvectorTable t = new SubvectorTable(budget);
    int n = 3 * 8192;
    for (int i = 0; i < n; i++) { // pages 0-1: halves below 2^4 and 2^10; page 2: below 2^5 and 2^21
      long right = i < 2 * 8192 ? i % 1000 : 1000 + (long) i * 31 % (1 << 20);
      assertEquals(i, t.intern(((long) (i / 1000) << 32) | right));
    }
    assertEquals(2, t.valueBytes(0), "halves of 4 and 10 bits, two of room");
    assertEquals(4, t.valueBytes(n - 1));
    for (int i = 0; i < n; i++) {
      long right = i < 2 * 8192 ? i % 1000 : 1000 + (long) i * 31 % (1 << 20);
      assertEquals(((long) (i / 1000) << 32) | right, t.get(i));
    }
    assertEquals(budget.used(), t.bytes(), "every byte charged is counted");
    assertTrue(t.bytes() < 3L * 2 * 8192 + 4L * 8192 + 4L * n * 8 / 5 + 8192, "bytes: " + t.bytes());
  }

  /**
   * A growth of the index lets the old array go before the new one is reserved, and the values grow a page at a time:
   * the high-water mark stays near what is held at the end, not an index above it.
   */
  @Test
  void growingNeverHoldsTwoIndexes() {
    MemoryBudget budget = new MemoryBudget(Long.MAX_VALUE, true);
    SubvectorTable t = new SubvectorTable(budget);
    long[] values = randomValues(11, 400_000);
    for (int n = 0; n < values.length; n++) {
      assertEquals(n, t.intern(values[n]));
    }
    long index = (long) t.slotBytes() * t.indexLength();
    assertTrue(index > 1_400_000, "index bytes " + index);
    assertTrue(budget.peak() - budget.used() < 120_000,
        "high-water " + budget.peak() + " against " + budget.used() + " held at the end");
    assertAllFound(t, values, values.length);
  }

  /** {@code n} distinct values of 62 random bits (as pairs of two 31-bit references are). */
  private static long[] randomValues(long seed, int n) {
    return new java.util.Random(seed).longs().map(v -> v >>> 2).distinct().limit(n).toArray();
  }

  /** Each of the first {@code count} values is found as its index. */
  private static void assertAllFound(SubvectorTable t, long[] values, int count) {
    for (int n = 0; n < count; n++) {
      assertEquals(n, t.find(values[n]), "value " + n);
    }
  }

  /** Index slots take 3 bytes while the ids need at most 19 bits, then 4; every value is found through both. */
  @Test
  void indexSlotsTakeThreeBytesUntilTheIdsNeedMore() {
    MemoryBudget budget = new MemoryBudget(Long.MAX_VALUE, true);
    SubvectorTable t = new SubvectorTable(budget);
    long[] values = randomValues(13, 600_000);
    for (int n = 0; n < values.length; n++) {
      assertEquals(n, t.intern(values[n]));
      if (n == 100_000) {
        assertEquals(3, t.slotBytes(), "100,000 ids in " + t.indexLength() + " slots");
        assertAllFound(t, values, n + 1);
      }
    }
    assertEquals(4, t.slotBytes(), "600,000 ids in " + t.indexLength() + " slots");
    assertAllFound(t, values, values.length);
    assertEquals(-1, t.find(1L << 62 | 5));
    assertEquals(budget.used(), t.bytes(), "every byte charged is counted");
  }

  /** The index grows by a quarter, not doubles: from the first growths on, it is 70 to 88 % full whatever the count. */
  @org.junit.jupiter.api.Test
  void theIndexIsBetweenSeventyAndEightyEightPercentFull() {
    SubvectorTable t = new SubvectorTable(new MemoryBudget(Long.MAX_VALUE, true));
    java.util.Random random = new java.util.Random(3);
    for (int n = 1; n <= 300_000; n++) {
      t.intern(random.nextLong() >>> 1);
      if (n >= 1000 && n % 997 == 0) {
        double load = n / (double) t.indexLength();
        assertTrue(load >= 0.69 && load <= 0.875, n + " values in " + t.indexLength() + " slots");
      }
    }
  }
}
