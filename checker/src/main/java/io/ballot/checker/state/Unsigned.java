package io.ballot.checker.state;

/**
 * Unsigned 64-bit arithmetic with Rumur's overflow rules for its {@code uint64_t} value type: a result outside
 * 0..2^64-1 throws {@link ArithmeticException}; shifts by 64 or more give 0 and {@code >>} is logical.
 */
public final class Unsigned {
  private Unsigned() {}

  /** {@code a + b}, or ArithmeticException when it exceeds 2^64-1. */
  public static long add(long a, long b) {
    long r = a + b;
    if (Long.compareUnsigned(r, a) < 0) {
      throw new ArithmeticException("unsigned overflow");
    }
    return r;
  }

  /** {@code a - b}, or ArithmeticException when it is negative. */
  public static long subtract(long a, long b) {
    if (Long.compareUnsigned(a, b) < 0) {
      throw new ArithmeticException("unsigned underflow");
    }
    return a - b;
  }

  /** {@code a * b}, or ArithmeticException when it exceeds 2^64-1. */
  public static long multiply(long a, long b) {
    long hi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a); // the unsigned high word
    if (hi != 0) {
      throw new ArithmeticException("unsigned overflow");
    }
    return a * b;
  }

  /** Rumur's {@code lsh} on unsigned values: 0 for shifts of 64 or more. */
  public static long shiftLeft(long a, long b) {
    return Long.compareUnsigned(b, 64) >= 0 ? 0 : a << b;
  }

  /** Rumur's {@code rsh} on unsigned values: logical, 0 for shifts of 64 or more. */
  public static long shiftRight(long a, long b) {
    return Long.compareUnsigned(b, 64) >= 0 ? 0 : a >>> b;
  }
}
