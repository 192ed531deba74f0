package io.ballot.checker.explore.disk;

/**
 * The order of states on disk: by a 64-bit hash of the state (unsigned), then by its words (signed,
 * lexicographically). Sorting by the hash first spreads any model's states evenly over a sorted run, so that its
 * sparse index ({@link SortedRun}) splits it into blocks of even key ranges, and the hash serves the in-memory
 * filters too.
 */
final class StateKeys {
  private StateKeys() {}

  /** The hash of the state at {@code a[off .. off + words - 1]}. */
  static long hash(long[] a, int off, int words) {
    long h = 0x9E3779B97F4A7C15L * (words + 1);
    for (int i = 0; i < words; i++) {
      h = mix(h ^ a[off + i]);
    }
    return h;
  }

  /** Murmur3's 64-bit finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** Compares state {@code a} (hash {@code ha}) with state {@code b} (hash {@code hb}) in the disk order. */
  static int compare(long ha, long[] a, int ao, long hb, long[] b, int bo, int words) {
    int c = Long.compareUnsigned(ha, hb);
    for (int i = 0; c == 0 && i < words; i++) {
      c = Long.compare(a[ao + i], b[bo + i]);
    }
    return c;
  }
}
