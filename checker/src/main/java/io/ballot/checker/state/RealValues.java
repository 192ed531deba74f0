package io.ballot.checker.state;

import io.ballot.checker.ir.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * CMurphi's real numbers ({@code real(p, e)}, {@code mu_real.hpp}): storing a double rounds it to {@code p}
 * significant decimal digits (as {@code printf("%+.{p-1}le")} does), reading gives back the double nearest to that
 * decimal. Each decimal is numbered so that it fits a simple type: 0 is zero; then the positive values, then the
 * negative ones, each ordered by decimal exponent ({@code -e+1..e}) and mantissa ({@code 10^(p-1)..10^p-1}).
 * Values in expressions are the raw bits of a double ({@link #bits}, {@link #real}).
 */
public final class RealValues {
  private RealValues() {}

  /** Why a double cannot be stored as a real: NaN, an infinity or a decimal exponent above the type's. */
  public static final class OutOfBounds extends Exception {
    private static final long serialVersionUID = 1L;

    OutOfBounds(String message) {
      super(message, null, false, false);
    }
  }

  /** The double a value in an expression carries. */
  public static double real(long bits) {
    return Double.longBitsToDouble(bits);
  }

  /** The long an expression carries for double {@code d}. */
  public static long bits(double d) {
    return Double.doubleToRawLongBits(d);
  }

  /**
   * The number of {@code d} rounded to the type's precision (0-based, as {@link Values#index} numbers values).
   * A decimal exponent below {@code -e+1} stores 0 and {@code -0.0} is 0, as CMurphi's {@code value(double)}.
   */
  public static long index(Type.RealType t, double d) throws OutOfBounds {
    if (Double.isNaN(d)) {
      throw new OutOfBounds("real value is not a number (NaN): probably a division by zero");
    }
    if (Double.isInfinite(d)) {
      throw new OutOfBounds("real value " + (d > 0 ? "+" : "-") + "infinity is out of the bounds of " + describe(t));
    }
    if (d == 0) {
      return 0;
    }
    int p = t.precision();
    BigDecimal rounded = new BigDecimal(d).round(new MathContext(p, RoundingMode.HALF_EVEN));
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent > t.exponent()) {
      throw new OutOfBounds(
          "real value " + text(t, d) + ": decimal exponent " + exponent + " is out of the bounds of " + describe(t));
    }
    if (exponent < -t.exponent() + 1) {
      return 0;
    }
    BigInteger unscaled = rounded.unscaledValue().abs();
    long mantissa = unscaled.multiply(BigInteger.TEN.pow(p - rounded.precision())).longValueExact();
    long m = t.mantissas();
    long code = 1 + (long) (exponent + t.exponent() - 1) * m + (mantissa - m / 9);
    return d < 0 ? code + m * 2L * t.exponent() : code;
  }

  /** The double nearest to the decimal numbered {@code index}. */
  public static double value(Type.RealType t, long index) {
    if (index == 0) {
      return 0.0;
    }
    long m = t.mantissas();
    long half = m * 2L * t.exponent();
    boolean negative = index > half;
    long i = (negative ? index - half : index) - 1;
    long exponent = i / m - t.exponent() + 1;
    long mantissa = i % m + m / 9;
    double v = Double.parseDouble(mantissa + "E" + (exponent - t.precision() + 1));
    return negative ? -v : v;
  }

  /** A real as CMurphi prints it: {@code %+.{p-1}le}, e.g. {@code +2.000e+03} for real(4, e). */
  public static String text(Type.RealType t, double d) {
    return format(t.precision(), d, "%+.");
  }

  /** A real not (yet) stored, printed as C's {@code %le} (7 significant digits), e.g. {@code 2.500000e-01}. */
  public static String text(double d) {
    return format(7, d, "%.");
  }

  private static String format(int precision, double d, String flags) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? (flags.contains("+") ? "+inf" : "inf") : "-inf";
    }
    if (d == 0) {
      return String.format(Locale.ROOT, flags + (precision - 1) + "e", 0.0);
    }
    // rounding the exact binary value half-even, as glibc's printf does (Formatter alone rounds half-up)
    BigDecimal exact = new BigDecimal(d).round(new MathContext(precision, RoundingMode.HALF_EVEN));
    return String.format(Locale.ROOT, flags + (precision - 1) + "e", exact);
  }

  /**
   * A real constant as CMurphi's generated code has it: printed with {@code %le} (7 significant digits) and read
   * back, so {@code 3.14159265} is {@code 3.141593}.
   */
  public static double constant(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
      return d;
    }
    return Double.parseDouble(new BigDecimal(d).round(new MathContext(7, RoundingMode.HALF_EVEN)).toString());
  }

  /** {@code real(p, e)}. */
  public static String describe(Type.RealType t) {
    return "real(" + t.precision() + ", " + t.exponent() + ")";
  }
}
