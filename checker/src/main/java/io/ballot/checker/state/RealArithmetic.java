package io.ballot.checker.state;

import io.ballot.checker.ir.Expr.BinaryOp;

/**
 * CMurphi's operators on reals: C double arithmetic (an integer operand converted to double), comparisons of
 * doubles. NaN and infinities are not errors here; storing them is ({@link RealValues#index}).
 */
public final class RealArithmetic {
  private RealArithmetic() {}

  /** {@code l op r} for an arithmetic operator ({@code + - * /}); comparisons give 1 or 0 (as double bits' value). */
  public static double arithmetic(BinaryOp op, double l, double r) {
    return switch (op) {
      case ADD -> l + r;
      case SUB -> l - r;
      case MUL -> l * r;
      case DIV -> l / r;
      default -> throw new IllegalArgumentException("operator " + op + " on reals");
    };
  }

  /** {@code l op r} for a comparison ({@code = != < <= > >=}) of doubles, as C compares them. */
  public static boolean compare(BinaryOp op, double l, double r) {
    return switch (op) {
      case EQ -> l == r;
      case NEQ -> l != r;
      case LT -> l < r;
      case LE -> l <= r;
      case GT -> l > r;
      case GE -> l >= r;
      default -> throw new IllegalArgumentException("operator " + op + " on reals");
    };
  }

  /** Whether {@code op} is one of the comparisons {@link #compare} handles. */
  public static boolean isComparison(BinaryOp op) {
    return switch (op) {
      case EQ, NEQ, LT, LE, GT, GE -> true;
      default -> false;
    };
  }
}
