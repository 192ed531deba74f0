package io.ballot.checker.explore.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The disk store's Bloom filter: never "no" for a key added, whatever its size (any multiple of 64 bits, not only
 * powers of two), and its false-positive rate near the blocked filter's expectation for the bits per key it has.
 */
class BloomFilterTest {
  @Property(tries = 50)
  void neverForgetsAKey(@ForAll @LongRange(min = 1, max = 1 << 16) long bits,
      @ForAll @IntRange(min = 1, max = 5000) int keys, @ForAll long seed) {
    BloomFilter f = new BloomFilter(bits);
    assertEquals(Math.max(64, bits & ~63L), f.bits());
    SplittableRandom r = new SplittableRandom(seed);
    long[] added = new long[keys];
    for (int i = 0; i < keys; i++) {
      added[i] = StateKeys.mix(r.nextLong());
      f.add(added[i]);
    }
    for (long k : added) {
      assertTrue(f.mightContain(k), "added key " + k + " forgotten");
    }
  }

  @Property(tries = 5)
  void falsePositivesAsExpectedForItsSize(@ForAll @IntRange(min = 5, max = 10) int bitsPerKey, @ForAll long seed) {
    int keys = 200_000;
    // not a power of two: the word is chosen by a multiply-shift over every word
    BloomFilter f = new BloomFilter((long) keys * bitsPerKey + 64 * 7);
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < keys; i++) {
      f.add(StateKeys.mix(r.nextLong()));
    }
    int probes = 200_000;
    int yes = 0;
    for (int i = 0; i < probes; i++) {
      yes += f.mightContain(StateKeys.mix(r.nextLong() ^ 0x5555L)) ? 1 : 0;
    }
    double expected = expectedRate(bitsPerKey);
    double rate = (double) yes / probes;
    assertTrue(rate < expected * 1.3 && rate > expected * 0.7, rate + " false positives at " + bitsPerKey
        + " bits a key, expected about " + expected);
  }

  /** Three probes in one 64-bit word, keys per word Poisson-distributed: about 9.9 % at 5 bits a key, 2.3 % at 10. */
  private static double expectedRate(double bitsPerKey) {
    double mean = 64 / bitsPerKey;
    double sum = 0;
    double p = Math.exp(-mean);
    for (int load = 0; load < 400; load++) {
      double fill = 1 - Math.pow(1 - 1 / 64.0, 3.0 * load);
      sum += p * fill * fill * fill;
      p *= mean / (load + 1);
    }
    return sum;
  }
}
