package io.ballot.checker.simulate;

/**
 * A HyperLogLog sketch (Flajolet et al., 2007, with Heule et al.'s 64-bit hash and small-range correction): an
 * estimate of how many distinct states a simulation visited, in {@code 2^PRECISION} bytes whatever the count. The
 * estimate's relative standard error is {@link #RELATIVE_ERROR} (1.04 / sqrt(2^14), about 0.8 %); below about
 * 40,000 distinct values linear counting on the empty registers is used, which is nearly exact. Not thread-safe:
 * each walker thread keeps its own sketch, and {@link #merge} unites them (the union does not depend on the order,
 * so the estimate does not depend on how walks were spread over threads).
 */
public final class HyperLogLog {
  /** Index bits: 2^14 registers of one byte. */
  static final int PRECISION = 14;
  private static final int M = 1 << PRECISION;
  /** The sketch's relative standard error, 1.04 / sqrt(m). */
  public static final double RELATIVE_ERROR = 1.04 / Math.sqrt(M);
  private static final double ALPHA = 0.7213 / (1 + 1.079 / M);

  private final byte[] registers = new byte[M];

  /** Adds a value by its 64-bit hash ({@link #hash} for a state). */
  public void add(long hash) {
    int index = (int) (hash >>> (64 - PRECISION));
    // the rank of the remaining bits: position of the first one bit, from 1; a sentinel bit bounds it
    long rest = (hash << PRECISION) | (1L << (PRECISION - 1));
    byte rank = (byte) (Long.numberOfLeadingZeros(rest) + 1);
    if (rank > registers[index]) {
      registers[index] = rank;
    }
  }

  /** Adds every value {@code other} holds (the register-wise maximum). */
  public void merge(HyperLogLog other) {
    for (int i = 0; i < M; i++) {
      if (other.registers[i] > registers[i]) {
        registers[i] = other.registers[i];
      }
    }
  }

  /** The estimated number of distinct values added. */
  public long estimate() {
    double sum = 0;
    int zeros = 0;
    for (byte r : registers) {
      sum += Math.scalb(1.0, -r);
      if (r == 0) {
        zeros++;
      }
    }
    double raw = ALPHA * M * M / sum;
    if (raw <= 2.5 * M && zeros > 0) {
      return Math.round(M * Math.log((double) M / zeros)); // linear counting
    }
    return Math.round(raw);
  }

  /**
   * A 64-bit hash of a packed state, well mixed in every bit (each word through a multiply-xorshift finaliser, as
   * MurmurHash3's fmix64), so that equal states hash equally and distinct ones collide with probability about
   * 2^-64.
   */
  public static long hash(long[] state) {
    long h = 0x9E3779B97F4A7C15L ^ state.length;
    for (long w : state) {
      h = fmix(h ^ fmix(w + 0x632BE59BD9B4E019L)) * 0x9E3779B97F4A7C15L;
    }
    return fmix(h);
  }

  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xFF51AFD7ED558CCDL;
    k ^= k >>> 33;
    k *= 0xC4CEB9FE1A85EC53L;
    k ^= k >>> 33;
    return k;
  }
}
