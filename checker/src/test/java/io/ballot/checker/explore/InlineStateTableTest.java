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
 * largest value of the width included, and the values whose stored remainder is 0), across its stripes' growth, and
 * gives every value back; its slots take the bytes of the value less its stripe's bits; growth is refused, with the
 * set unchanged, when the budget cannot hold the bigger stripe.
 */
class InlineStateTableTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8, 12, 13, 15, 20, 23, 28, 31, 32, 39, 47, 55, 56, 63})
  void holdsExactlyTheValuesAddedAcrossGrowth(int bits) {
    InlineStateTable t = new InlineStateTable(bits, new MemoryBudget(Long.MAX_VALUE, true));
    // the stripe says the top 12 bits (all of a value of 12 or fewer): a slot holds the rest, in whole bytes
    assertEquals(Math.max(1, (Math.max(0, bits - InlineStateTable.STRIPE_BITS) + 7) / 8), t.width());
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
    // values stored as a stripe's flag, not a slot: their remainder, what is left of the mix below the stripe, is 0
    for (long stripe = 0; stripe < 40; stripe++) {
      long v = t.unmix((stripe << Math.max(0, bits - InlineStateTable.STRIPE_BITS)) & mask);
      assertEquals(added.contains(v), t.contains(v), "flagged value " + v + " before it was added");
      assertEquals(added.add(v), t.add(v), "flagged value " + v);
      assertTrue(t.contains(v));
    }
    assertEquals(added.size(), t.size());
    Set<Long> back = new HashSet<>();
    t.forEach(v -> assertTrue(back.add(v), "given back twice: " + v));
    assertEquals(added, back);
    for (long v : added) {
      assertTrue(t.contains(v), "value " + v);
      long neighbour = v ^ (1L << rnd.nextInt(bits));
      assertEquals(added.contains(neighbour), t.contains(neighbour), "neighbour " + neighbour);
    }
  }

  /**
   * Threads that each add the values of their own {@link InlineStateTable#partOf} part, at once and through their
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
            if (t.partOf(v, parts) == part) {
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
    // 28 bits less the stripe's 12: 2-byte slots, at 57 to 85 % load (grown by half), and the stripes' counts
    assertTrue(perState >= 2 && perState < 2 / 0.55 + 0.2, "2-byte slots at 57 to 85 % load: " + perState);
  }

  /** A set that grows by a quarter (a tree's root set) is 68 to 85 % full: at most 2 / 0.68 bytes a 2-byte slot. */
  @Test
  void aSetGrownByAQuarterStaysFuller() {
    MemoryBudget budget = new MemoryBudget(Long.MAX_VALUE, true);
    InlineStateTable t = new InlineStateTable(28, budget, false, 4);
    java.util.Random random = new java.util.Random(17);
    Set<Long> added = new HashSet<>();
    for (int n = 1; n <= 1_000_000; n++) {
      long v = random.nextInt(1 << 28);
      assertEquals(added.add(v), t.add(v));
      if (n % 250_000 == 0) {
        double perState = (t.bytes() - 13.0 * 4096 - 64 - 24.0 * 4096) / added.size();
        assertTrue(perState >= 2 / 0.86 && perState <= 2 / 0.67, added.size() + " states: " + perState + " B each");
      }
    }
    for (long v : added) {
      assertTrue(t.contains(v));
    }
    assertEquals(added.size(), t.size());
    assertEquals(budget.used(), t.bytes());
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

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 12, 13, 29, 40, 63})
  void theMixIsABijectionOnTheValuesBits(int bits) {
    InlineStateTable t = new InlineStateTable(bits, new MemoryBudget(Long.MAX_VALUE, true));
    long mask = (1L << bits) - 1;
    Random rnd = new Random(bits);
    Set<Long> images = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      long v = i < 1000 ? i & mask : rnd.nextLong() & mask; // small values first: a counter's states
      long m = t.mix(v);
      assertEquals(m & mask, m, "within the width");
      assertEquals(v, t.unmix(m), "value " + v);
      images.add(m);
    }
    if (bits >= 20) {
      // consecutive values spread over the stripes, which the top bits choose
      Set<Long> stripes = new HashSet<>();
      for (long v = 0; v < 1000; v++) {
        stripes.add(t.mix(v) >>> (bits - InlineStateTable.STRIPE_BITS));
      }
      assertTrue(stripes.size() > 800, "stripes of 1000 consecutive values: " + stripes.size());
    }
  }

  @Test
  void refusesWidthsItCannotHold() {
    assertFalse(InlineStateTable.fits(0));
    assertFalse(InlineStateTable.fits(64));
    assertTrue(InlineStateTable.fits(63));
    assertThrows(IllegalArgumentException.class, () -> new InlineStateTable(64, new MemoryBudget(1 << 20, true)));
  }
}
