package io.ballot.dsl.lower;

import io.ballot.checker.ir.Expr.BinaryOp;
import io.ballot.checker.ir.Expr.Literal;
import io.ballot.checker.ir.RealFunction;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Type;
import io.ballot.checker.state.RealArithmetic;
import io.ballot.checker.state.RealValues;

/**
 * Folds real constant expressions as CMurphi does: in doubles, each result then rounded to the 7 significant digits
 * of the {@code %le} that CMurphi's generated code writes constants with ({@link RealValues#constant}). CMurphi
 * rounds only the outermost constant expression; rounding each folded step differs only beyond the 7th digit.
 */
final class RealFolding {
  private static final Type REAL = new Type.DoubleType();

  private RealFolding() {}

  /** The double a literal of type {@code t} (integer or real) stands for. */
  static double real(Literal lit) {
    return TypeRules.isReal(lit.type()) ? RealValues.real(lit.value()) : (double) lit.value();
  }

  /** A real constant literal of value {@code d}, rounded as CMurphi writes constants. */
  static Literal literal(double d, SourceLocation at) throws ConstantFolder.FoldError {
    if (Double.isNaN(d)) {
      throw new ConstantFolder.FoldError("real constant expression is not a number (NaN): probably a division by zero");
    }
    if (Double.isInfinite(d)) {
      throw new ConstantFolder.FoldError("real constant expression is infinite (a division by zero or an overflow)");
    }
    return new Literal(REAL, RealValues.bits(RealValues.constant(d == 0 ? 0.0 : d)), at);
  }

  static Literal negate(Literal x, SourceLocation at) throws ConstantFolder.FoldError {
    return literal(-real(x), at);
  }

  /** {@code l op r} with a real operand: arithmetic gives a real, a comparison a boolean. */
  static Literal binary(BinaryOp op, Literal l, Literal r, Type type, SourceLocation at) throws ConstantFolder.FoldError {
    if (RealArithmetic.isComparison(op)) {
      return new Literal(type, RealArithmetic.compare(op, real(l), real(r)) ? 1 : 0, at);
    }
    return literal(RealArithmetic.arithmetic(op, real(l), real(r)), at);
  }

  static Literal math(RealFunction f, double[] args, SourceLocation at) throws ConstantFolder.FoldError {
    return literal(f.apply(args), at);
  }
}
