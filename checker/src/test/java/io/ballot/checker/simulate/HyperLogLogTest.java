package io.ballot.checker.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sketch's estimates against exact counts of distinct packed states. */
class HyperLogLogTest {

  /** Adds {@code n} distinct two-word states, each {@code copies} times; returns the estimate. */
  private static long estimate(int n, int copies, long seed) {
    HyperLogLog h = new HyperLogLog();
    SplittableRandom r = new SplittableRandom(seed);
    long base = r.nextLong();
    for (int c = 0; c < copies; c++) {
      for (int i = 0; i < n; i++) {
        h.add(HyperLogLog.hash(new long[] {base + i, i % 7})); // neighbouring states, as a model's are
      }
    }
    return h.estimate();
  }

  @Test
  void smallCountsAreNearlyExact() {
    assertEquals(0, new HyperLogLog().estimate());
    for (int n : new int[] {1, 10, 288, 1000}) {
      long e = estimate(n, 3, n);
      assertTrue(Math.abs(e - n) <= Math.max(1, n * 0.01), n + " states estimated as " + e);
    }
  }

  /** Within three standard errors (2.4 %) from 10^4 to 10^6 distinct states, duplicates ignored. */
  @Test
  void largeCountsAreWithinThreeStandardErrors() {
    for (int n : new int[] {10_000, 50_000, 100_000, 1_000_000}) {
      long e = estimate(n, 2, 7 * n);
      double error = Math.abs(e - n) / (double) n;
      assertTrue(error <= 3 * HyperLogLog.RELATIVE_ERROR, n + " states estimated as " + e + " (" + error + ")");
    }
  }

  @Test
  void mergeIsTheSketchOfTheUnion() {
    HyperLogLog a = new HyperLogLog();
    HyperLogLog b = new HyperLogLog();
    HyperLogLog all = new HyperLogLog();
    for (long i = 0; i < 200_000; i++) {
      long h = HyperLogLog.hash(new long[] {i});
      (i % 3 == 0 ? a : b).add(h);
      all.add(h);
      if (i % 5 == 0) {
        a.add(h); // overlap
      }
    }
    a.merge(b);
    assertEquals(all.estimate(), a.estimate());
  }

  @Test
  void hashTellsNeighbouringStatesApart() {
    assertTrue(HyperLogLog.hash(new long[] {1, 0}) != HyperLogLog.hash(new long[] {0, 1}));
    assertTrue(HyperLogLog.hash(new long[] {0}) != HyperLogLog.hash(new long[] {0, 0}));
    assertEquals(HyperLogLog.hash(new long[] {5, 6}), HyperLogLog.hash(new long[] {5, 6}));
  }
}
