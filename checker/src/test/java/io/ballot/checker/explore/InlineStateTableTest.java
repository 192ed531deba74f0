package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inline table is an exact set: it holds every value added, no other (values differing in one bit, 0 and the
 * largest value of the width included), across its stripes' growth; its slots take the bytes of the value plus one
 * bit; growth is refused, with the set unchanged, when the budget cannot hold the bigger stripe.
 */
class InlineStateTableTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8, 15, 23, 28, 31, 32, 39, 47, 55, 56, 63})
  void holdsExactlyTheValuesAddedAcrossGrowth(int bits) {
    InlineStateTable t = new InlineStateTable(bits, new MemoryBudget(Long.MAX_VALUE, true));
    assertEquals((bits + 8) / 8, t.width());
    long mask = bits == 64 ? -1L : (1L << bits) - 1;
    Random rnd = new Random(bits);
    Set<Long> added = new HashSet<>();
    int n = bits < 16 ? (int) Math.min(1L << bits, 40_000) : 40_000;
    for (int i = 0; i < n; i++) {
      long v = rnd.nextLong() & mask;
      assertEquals(added.add(v), t.add(v), "value " + v);
    }
    assertTrue(t.add(0) == added.add(0L));
    assertTrue(t.add(mask) == added.add(mask));
    assertEquals(added.size(), t.size());
    for (long v : added) {
      assertTrue(t.contains(v), "value " + v);
      long neighbour = v ^ (1L << rnd.nextInt(bits));
      assertEquals(added.contains(neighbour), t.contains(neighbour), "neighbour " + neighbour);
    }
  }

  /**
   * Threads that each add the values of their own {@link InlineStateTable#stripeOf} part, at once and through their
   * stripes' growth, leave the same set as one thread: every value, no other, the size summed right.
   */
  @Test
  void threadsAddingDisjointStripesAtOnceLoseNothing() throws Exception {
    int parts = 4;
    InlineStateTable t = new InlineStateTable(40, new MemoryBudget(Long.MAX_VALUE, true));
    long[] values = new Random(7).longs(400_000, 0, 1L << 40).toArray();
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(parts);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parts);
    try {
      java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int p = 0; p < parts; p++) {
        int part = p;
        done.add(pool.submit(() -> {
          start.await();
          for (long v : values) {
            if (InlineStateTable.stripeOf(v, parts) == part) {
              t.add(v);
            }
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Set<Long> expected = new HashSet<>();
    for (long v : values) {
      expected.add(v);
      assertTrue(t.contains(v), "value " + v);
    }
    assertEquals(expected.size(), t.size());
    assertFalse(t.contains((1L << 40) + 1));
  }

  @Test
  void slotsCostTheValuesBytesNotAnIdOrAFragment() {
    InlineStateTable t = new InlineStateTable(28, new MemoryBudget(Long.MAX_VALUE, true));
    for (long v = 0; v < 1_000_000; v++) {
      t.add(v * 7);
    }
    double perState = t.bytes() / 1e6;
    assertTrue(perState >= 4 && perState < 4 / 0.4, "4-byte slots at 40 to 85 % load: " + perState);
  }

  @Test
  void aStripeThatCannotGrowLeavesTheSetAsItWas() {
    MemoryBudget budget = new MemoryBudget(200_000, true);
    InlineStateTable t = new InlineStateTable(20, budget);
    Set<Long> added = new HashSet<>();
    MemoryLimitReached stop = assertThrows(MemoryLimitReached.class, () -> {
      for (long v = 0; v < 1 << 20; v++) {
        t.add(v);
        added.add(v);
      }
    });
    assertTrue(stop.getMessage().contains("memory limit"));
    assertEquals(added.size(), t.size());
    for (long v : added) {
      assertTrue(t.contains(v));
    }
    assertFalse(t.contains(added.size() + 1L));
    assertTrue(budget.used() <= budget.limit());
  }

  @Test
  void refusesWidthsItCannotHold() {
    assertFalse(InlineStateTable.fits(0));
    assertFalse(InlineStateTable.fits(64));
    assertTrue(InlineStateTable.fits(63));
    assertThrows(IllegalArgumentException.class, () -> new InlineStateTable(64, new MemoryBudget(1 << 20, true)));
  }
}
