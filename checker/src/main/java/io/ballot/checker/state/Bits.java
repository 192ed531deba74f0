package io.ballot.checker.state;

/**
 * Reading and writing bit-fields of up to 63 bits in a packed state ({@code long[]}); a field may straddle two
 * words. Bit {@code offset} counts from bit 0 of word 0.
 */
public final class Bits {
  private Bits() {}

  /** The {@code width}-bit field at {@code offset}, as an unsigned value. */
  public static long get(long[] words, int offset, int width) {
    int w = offset >>> 6;
    int b = offset & 63;
    long mask = width == 64 ? -1L : (1L << width) - 1;
    long v = words[w] >>> b;
    if (b + width > 64) {
      v |= words[w + 1] << (64 - b);
    }
    return v & mask;
  }

  /** Stores the low {@code width} bits of {@code value} at {@code offset}. */
  public static void set(long[] words, int offset, int width, long value) {
    int w = offset >>> 6;
    int b = offset & 63;
    long mask = width == 64 ? -1L : (1L << width) - 1;
    value &= mask;
    words[w] = (words[w] & ~(mask << b)) | (value << b);
    if (b + width > 64) {
      int spill = 64 - b;
      long hiMask = mask >>> spill;
      words[w + 1] = (words[w + 1] & ~hiMask) | (value >>> spill);
    }
  }

  /** Copies {@code width} bits from one packed buffer to another (fields of any size). */
  public static void copy(long[] from, int fromOffset, long[] to, int toOffset, int width) {
    int done = 0;
    while (done < width) {
      int n = Math.min(63, width - done);
      set(to, toOffset + done, n, get(from, fromOffset + done, n));
      done += n;
    }
  }

  /** Sets {@code width} bits to zero (every simple value inside becomes undefined). */
  public static void clear(long[] words, int offset, int width) {
    int done = 0;
    while (done < width) {
      int n = Math.min(63, width - done);
      set(words, offset + done, n, 0);
      done += n;
    }
  }
}
