package io.ballot.checker.explore.disk;

/**
 * A blocked Bloom filter over state hashes: three probes in one 64-bit word chosen by the hash, so a lookup or an add
 * costs one cache miss, at a slightly higher false-positive rate than three independent probes. "No" means a state
 * was never added (so a candidate it says no to is new without a disk read); "maybe" sends it to the sorted runs. As
 * it fills, more candidates say "maybe" and are looked up on disk, never a wrong answer.
 */
final class BloomFilter {
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

  /** The three bits of {@code h}, all in one word: a lookup or an add touches one cache line, not three. */
  private static long probes(long g) {
    return (1L << g) | (1L << (g >>> 6)) | (1L << (g >>> 12));
  }

  private int word(long g) {
    return (int) ((g >>> 18) & (mask >>> 6));
  }

  void add(long h) {
    long g = StateKeys.mix(h + 0x632BE59BD9B4E019L);
    bits[word(g)] |= probes(g);
  }

  boolean mightContain(long h) {
    long g = StateKeys.mix(h + 0x632BE59BD9B4E019L);
    long p = probes(g);
    return (bits[word(g)] & p) == p;
  }
}
