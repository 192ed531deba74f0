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
    MemoryBudget budget = new MemoryBudget(Long.MAX_VALUE, true);
    InlineStateTable t = new InlineStateTable(bits, budget);
    // the stripe says the top 6 bits at first (all of a value of 6 or fewer): a slot holds the rest, in whole bytes
    assertEquals(width(bits, InlineStateTable.FIRST_STRIPE_BITS), t.width());
    long mask = bits == 64 ? -1L : (1L << bits) - 1;
    Random rnd = new Random(bits);
    Set<Long> added = new HashSet<>();
    int n = bits < 16 ? (int) Math.min(1L << bits, 40_000) : 40_000;
    for (int i = 0; i < n; i++) {
      if (i % 5_000 == 0) {
        t.expect(added.size() + 5_000L); // as a level is added: the stripes split with values in them
      }
      long v = rnd.nextLong() & mask;
      assertEquals(added.add(v), t.add(v), "value " + v);
    }
    assertTrue(t.add(0) == added.add(0L));
    assertTrue(t.add(mask) == added.add(mask));
    // values stored as a stripe's flag, not a slot: their remainder, what is left of the mix below the stripe, is 0
    int stripeBits = Integer.numberOfTrailingZeros(t.stripes());
    for (long stripe = 0; stripe < 40; stripe++) {
      long v = t.unmix((stripe << Math.max(0, bits - stripeBits)) & mask);
      assertEquals(added.contains(v), t.contains(v), "flagged value " + v + " before it was added");
      assertEquals(added.add(v), t.add(v), "flagged value " + v);
      assertTrue(t.contains(v));
    }
    assertEquals(added.size(), t.size());
    // split to the most stripes: the flagged values, and the values whose new remainder is 0, kept
    t.expect((long) InlineStateTable.PER_STRIPE << InlineStateTable.STRIPE_BITS);
    assertEquals(1 << Math.min(bits, InlineStateTable.STRIPE_BITS), t.stripes());
    assertEquals(width(bits, InlineStateTable.STRIPE_BITS), t.width());
    assertEquals(budget.used(), t.bytes(), "every byte charged is counted");
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

  /** Bytes of a slot for values of {@code bits} when {@code stripeBits} of them choose the stripe. */
  private static int width(int bits, int stripeBits) {
    return Math.max(1, (Math.max(0, bits - stripeBits) + 7) / 8);
  }

  /**
   * A small set keeps few stripes (about 40 bytes each of their own), split as it grows, one stripe at a time: 36,000
   * values of 55 bits (a directory protocol's states) take at most 9.5 bytes each, 6-byte slots at 70 % load; with
   * 4,096 stripes from the start they took 12.6.
   */
  @Test
  void aSmallSetKeepsFewStripesAndSplitsThemAsItGrows() {
    MemoryBudget budget = new MemoryBudget(Long.MAX_VALUE, true);
    InlineStateTable t = new InlineStateTable(55, budget);
    assertEquals(64, t.stripes());
    Random random = new Random(55);
    Set<Long> added = new HashSet<>();
    long peakBeyond = 0;
    for (int level = 0; level < 24; level++) {
      long before = budget.used();
      t.expect(added.size() + 1_500L);
      peakBeyond = Math.max(peakBeyond, budget.peak() - Math.max(before, budget.used()));
      for (int i = 0; i < 1_500; i++) {
        long v = random.nextLong() >>> 9;
        assertEquals(added.add(v), t.add(v));
      }
    }
    assertEquals(512, t.stripes(), "36,000 values, about 128 a stripe: 2^9 stripes");
    double perValue = (double) t.bytes() / added.size();
    assertTrue(perValue <= 9.5, perValue + " B a value");
    assertTrue(peakBeyond < 16 << 10, "a split held " + peakBeyond + " B more than before and after it");
    assertEquals(budget.used(), t.bytes());
    for (long v : added) {
      assertTrue(t.contains(v));
    }
    assertEquals(added.size(), t.size());
  }

  /** A split that does not fit is refused before anything moves: the set is as it was, and still takes values. */
  @Test
  void aSplitThatDoesNotFitLeavesTheSetWhole() {
    MemoryBudget budget = new MemoryBudget(Long.MAX_VALUE, true);
    InlineStateTable t = new InlineStateTable(40, budget);
    Random random = new Random(40);
    Set<Long> added = new java.util.LinkedHashSet<>();
    for (int i = 0; i < 20_000; i++) {
      long v = random.nextLong() >>> 24;
      assertEquals(added.add(v), t.add(v));
    }
    // the same values under a limit 50 KB above their bytes: 4,096 stripes take some 200 KB more
    MemoryBudget tight = new MemoryBudget(t.bytes() + 50_000, true);
    InlineStateTable u = new InlineStateTable(40, tight);
    for (long v : added) {
      u.add(v);
    }
    assertThrows(MemoryLimitReached.class, () -> u.expect(1L << 24));
    assertEquals(64, u.stripes());
    assertEquals(tight.used(), u.bytes(), "nothing charged for the refused split");
    assertEquals(added.size(), u.size());
    for (long v : added) {
      assertTrue(u.contains(v));
    }
    u.expect(30_000); // a split that fits: 256 stripes
    assertEquals(256, u.stripes());
    for (long v : added) {
      assertTrue(u.contains(v));
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
    t.expect(1_000_000);
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
    t.expect(1_000_000);
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
