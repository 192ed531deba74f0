package io.ballot.checker.explore.disk;

/**
 * A blocked Bloom filter over state hashes: three probes in one 64-bit word chosen by the hash, so a lookup or an add
 * costs one cache miss, at a slightly higher false-positive rate than three independent probes. "No" means a state
 * was never added (so a candidate it says no to is new without a disk read); "maybe" sends it to the sorted runs. As
 * it fills, more candidates say "maybe" and are looked up on disk, never a wrong answer. Any number of words (the
 * word is chosen by a multiply-shift, not a mask), so the filter takes all the memory it is given: rounding down to
 * a power of two cost up to half of it, and a fuller filter sends more candidates to the disk. The word comes from
 * the key's high bits, so keys taken in ascending order (a batch in the disk order) walk the filter forward instead
 * of missing the cache at every key; the key must be a well-mixed hash ({@link DiskSeenSet} passes its state hash,
 * spread over its partition's range).
 */
final class BloomFilter {
  private final long[] bits;

  /** A filter of {@code bits} bits, rounded down to a multiple of 64 (at least 64, at most 2^37). */
  BloomFilter(long bits) {
    this.bits = new long[(int) Math.max(1, Math.min(Integer.MAX_VALUE - 8, bits >>> 6))];
  }

  /** Bits in the filter. */
  long bits() {
    return bits.length * 64L;
  }

  long bytes() {
    return bits.length * 8L;
  }

  /** The three bits of {@code k}, from its low 18 bits, all in one word: a lookup or an add touches one cache line. */
  private static long probes(long k) {
    return (1L << k) | (1L << (k >>> 6)) | (1L << (k >>> 12));
  }

  /** The word of {@code k}: its high 32 bits scaled to the word count (monotone in the key). */
  private int word(long k) {
    return (int) (((k >>> 32) * bits.length) >>> 32);
  }

  void add(long k) {
    bits[word(k)] |= probes(k);
  }

  boolean mightContain(long k) {
    long p = probes(k);
    return (bits[word(k)] & p) == p;
  }
}
