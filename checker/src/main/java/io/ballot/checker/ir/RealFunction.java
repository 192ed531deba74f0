package io.ballot.checker.ir;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** CMurphi's math functions on reals: C library functions of doubles (Java's {@link Math} computes the same). */
public enum RealFunction {
  LOG(Math::log),
  LOG10(Math::log10),
  EXP(Math::exp),
  SIN(Math::sin),
  COS(Math::cos),
  TAN(Math::tan),
  FABS(Math::abs),
  FLOOR(Math::floor),
  CEIL(Math::ceil),
  SQRT(Math::sqrt),
  ASIN(Math::asin),
  ACOS(Math::acos),
  ATAN(Math::atan),
  SINH(Math::sinh),
  COSH(Math::cosh),
  TANH(Math::tanh),
  FMOD((a, b) -> a % b), // Java's % on doubles is C's fmod
  POW(Math::pow);

  private final DoubleUnaryOperator unary;
  private final DoubleBinaryOperator binary;

  RealFunction(DoubleUnaryOperator f) {
    this.unary = f;
    this.binary = null;
  }

  RealFunction(DoubleBinaryOperator f) {
    this.unary = null;
    this.binary = f;
  }

  /** How many arguments it takes (1 or 2). */
  public int arity() {
    return unary != null ? 1 : 2;
  }

  /** The function of {@code args} ({@link #arity()} of them). */
  public double apply(double... args) {
    return unary != null ? unary.applyAsDouble(args[0]) : binary.applyAsDouble(args[0], args[1]);
  }

  /** Its name in Murphi source, e.g. {@code log10}. */
  public String murphiName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
