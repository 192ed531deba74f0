package io.ballot.checker.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.ir.Type;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The numbering of CMurphi's reals: rounding as {@code printf("%+.{p-1}le")}, one code per rounded decimal. */
class RealValuesTest {
  private static final Type.RealType R4 = new Type.RealType(4, 99);

  private static double round(Type.RealType t, double d) throws RealValues.OutOfBounds {
    return RealValues.value(t, RealValues.index(t, d));
  }

  @Test
  void roundsToPrecisionDigitsHalfEvenOnTheExactBinaryValue() throws Exception {
    Type.RealType one = new Type.RealType(1, 10);
    // glibc: printf("%+.0le") of 650, 750, 2.5, 3.5 gives +6e+02 +8e+02 +2e+00 +4e+00
    assertEquals(600.0, round(one, 650.0));
    assertEquals(800.0, round(one, 750.0));
    assertEquals(2.0, round(one, 2.5));
    assertEquals(4.0, round(one, 3.5));
    assertEquals(0.3333, round(R4, 1.0 / 3));
    assertEquals(1.0, round(R4, 0.99995)); // the carry moves the exponent up
  }

  @Test
  void equalRoundingsAreOneCodeAndCodesRoundTrip() throws Exception {
    assertEquals(RealValues.index(R4, 1.23449), RealValues.index(R4, 1.2345));
    assertNotEquals(RealValues.index(R4, 1.2345), RealValues.index(R4, 1.2346));
    Random random = new Random(1);
    for (int i = 0; i < 10_000; i++) {
      double d = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(60) - 30);
      long code = RealValues.index(R4, d);
      assertTrue(code >= 0 && code < R4.cardinality(), () -> "code " + code);
      assertEquals(code, RealValues.index(R4, RealValues.value(R4, code)));
    }
  }

  @Test
  void zeroHasOneCodeAndTinyValuesBecomeZero() throws Exception {
    assertEquals(0, RealValues.index(R4, 0.0));
    assertEquals(0, RealValues.index(R4, -0.0)); // CMurphi would make the variable undefined
    assertEquals(0, RealValues.index(R4, 1e-99)); // exponent -99 < -e + 1
    assertEquals(1, RealValues.index(R4, 1e-98));
  }

  @Test
  void overflowAndNotANumberAreErrors() {
    assertThrows(RealValues.OutOfBounds.class, () -> RealValues.index(R4, 1e100));
    assertThrows(RealValues.OutOfBounds.class, () -> RealValues.index(R4, Double.NaN));
    assertThrows(RealValues.OutOfBounds.class, () -> RealValues.index(R4, Double.NEGATIVE_INFINITY));
  }

  @Test
  void printsAsCMurphi() {
    assertEquals("+2.000e+03", RealValues.text(R4, 2000.0));
    assertEquals("-2.500e-01", RealValues.text(R4, -0.25));
    assertEquals("+0.000e+00", RealValues.text(R4, 0.0));
    assertEquals("2.500000e-01", RealValues.text(0.25));
  }

  @Test
  void theLargestTypeFitsASimpleType() {
    Type.RealType max = new Type.RealType(15, 308);
    assertTrue(max.cardinality() > 0 && max.bitWidth() <= 63);
  }
}
