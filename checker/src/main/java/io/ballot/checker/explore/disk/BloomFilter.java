package io.ballot.checker.explore.disk;

/**
 * A Bloom filter over state hashes: "no" means a state was never added (so a candidate it says no to is new without
 * a disk read); "maybe" sends it to the sorted runs. Sized once, to a share of the memory budget; as it fills, more
 * candidates say "maybe" and are looked up on disk, never a wrong answer.
 */
final class BloomFilter {
  private static final int PROBES = 3;
  private final long[] bits;
  private final long mask;

  /** A filter of {@code bits} bits, rounded down to a power of two (at least 64). */
  BloomFilter(long bits) {
    long n = Long.highestOneBit(Math.max(64, bits));
    this.bits = new long[(int) Math.min(Integer.MAX_VALUE - 8, n >>> 6)];
    this.mask = ((long) this.bits.length << 6) - 1;
  }

  /** Bits in the filter. */
  long bits() {
    return mask + 1;
  }

  long bytes() {
    return bits.length * 8L;
  }

  void add(long h) {
    long g = StateKeys.mix(h + 0x632BE59BD9B4E019L) | 1;
    for (int i = 0; i < PROBES; i++) {
      long p = (h + i * g) & mask;
      bits[(int) (p >>> 6)] |= 1L << p;
    }
  }

  boolean mightContain(long h) {
    long g = StateKeys.mix(h + 0x632BE59BD9B4E019L) | 1;
    for (int i = 0; i < PROBES; i++) {
      long p = (h + i * g) & mask;
      if ((bits[(int) (p >>> 6)] & (1L << p)) == 0) {
        return false;
      }
    }
    return true;
  }
}
