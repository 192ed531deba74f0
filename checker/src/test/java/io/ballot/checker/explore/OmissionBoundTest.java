package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Stern and Dill's omission bound: its closed form, the per-level sum, and known figures. */
class OmissionBoundTest {

  /** 1 - (1 - 1/l)^E with E = sum_{k<n} k/(m-k+1), summed term by term. */
  private static double direct(long n, long m, double l) {
    double e = 0;
    for (long k = 0; k < n; k++) {
      e += k / (double) (m - k + 1);
    }
    return 1 - Math.pow(1 - 1 / l, e);
  }

  @Test
  void closedFormIsTheSumOfExpectedComparisons() {
    for (long[] nm : new long[][] {{1000, 2000}, {50_000, 60_000}, {100_000, 100_000}, {3, 100}}) {
      double d = direct(nm[0], nm[1], Math.pow(2, 24));
      assertEquals(d, OmissionBound.sternDill(nm[0], nm[1], 24), d * 1e-6, nm[0] + " in " + nm[1]);
    }
  }

  @Test
  void oneStatePerLevelIsTheOneByOneFill() {
    OmissionBound b = new OmissionBound(30);
    long m = 10_000;
    for (long k = 0; k < 8_000; k++) {
      b.addLevel(1, k, m);
    }
    double d = direct(8_000, m, Math.pow(2, 30) - 1);
    assertEquals(d, b.probability(), d * 1e-9);
  }

  @Test
  void aLevelLookedUpAtOnceCountsTheTableAsItWas() {
    OmissionBound b = new OmissionBound(40);
    b.addLevel(100, 0, 1000); // against an empty table: nothing to meet
    assertEquals(0, b.probability());
    b.addLevel(100, 100, 1000); // each meets 100/901 signatures on average
    assertEquals(100 * 100 / 901.0 / (Math.pow(2, 40) - 1), b.probability(), 1e-20);
  }

  /**
   * CMurphi 5.4.9 on bench/models/counters.m (10^7 states), {@code -m200 -b40}: a table of 36,157,799 slots, and it
   * printed {@code Pr[even one omitted state] <= 0.000002} (six decimals).
   */
  @Test
  void cmurphisPrintedFigure() {
    double p = OmissionBound.sternDill(1e7, 36_157_799, 40);
    assertEquals("0.000002", String.format(java.util.Locale.ROOT, "%.6f", p));
    assertTrue(p > 1.5e-6 && p < 1.6e-6, "p " + p); // (m+1) ln((m+1)/(m-n+1)) - n = 1.708e6 comparisons, / 2^40
  }

  /** 10^8 states in 1.25 * 10^8 slots of 40 bits, by the closed form. */
  @Test
  void aHundredMillionStatesAtFortyBits() {
    double p = OmissionBound.sternDill(1e8, 1.25e8, 40);
    // E = (m+1)(H(m+1) - H(m-n+1)) - n = 1.25e8 * ln(5) - 1e8 = 1.0118e8; p = E / 2^40
    assertEquals(1.25e8 * Math.log(5) - 1e8, p * Math.pow(2, 40), 1e4);
    assertTrue(p > 9.2e-5 && p < 9.21e-5, "p " + p);
  }
}
