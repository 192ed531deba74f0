package io.ballot.checker.interp;

import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.state.Unsigned;
import io.ballot.checker.ts.ModelError;

/**
 * Rumur's integer operators on 64-bit values, signed (overflow is an error) or unsigned (Rumur's uint64_t value
 * type: {@link Unsigned}); division or modulo by zero is an error either way.
 */
final class IntegerArithmetic {
  private IntegerArithmetic() {}

  /**
   * {@code l op r} for an integer operator {@code op}, on unsigned or signed 64-bit values; an overflow is a model
   * error at {@code at}.
   */
  static long apply(Expr.BinaryOp op, long l, long r, boolean unsigned, SourceLocation at) throws ModelError {
    try {
      return switch (op) {
        case BITWISE_AND -> l & r;
        case BITWISE_OR -> l | r;
        case XOR -> l ^ r;
        default -> unsigned ? unsigned(op, l, r, at) : signed(op, l, r, at);
      };
    } catch (ArithmeticException overflow) {
      throw ModelError.runtime("integer overflow in " + op.symbol, at);
    }
  }

  /** The arithmetic and comparison operators on signed 64-bit values (Java's overflow exceptions pass through). */
  private static long signed(Expr.BinaryOp op, long l, long r, SourceLocation at) throws ModelError {
    return switch (op) {
      case LT -> l < r ? 1 : 0;
      case LE -> l <= r ? 1 : 0;
      case GT -> l > r ? 1 : 0;
      case GE -> l >= r ? 1 : 0;
      case ADD -> Math.addExact(l, r);
      case SUB -> Math.subtractExact(l, r);
      case MUL -> Math.multiplyExact(l, r);
      case DIV -> {
        if (nonZero(r, "division", at) == -1 && l == Long.MIN_VALUE) {
          throw new ArithmeticException();
        }
        yield l / r;
      }
      case MOD -> l % nonZero(r, "modulo", at);
      case LSH -> shiftLeft(l, r);
      case RSH -> shiftRight(l, r);
      default -> throw new IllegalStateException("operator " + op);
    };
  }

  /** {@link #signed} on unsigned 64-bit values, as Rumur's uint64_t value type computes them. */
  private static long unsigned(Expr.BinaryOp op, long l, long r, SourceLocation at) throws ModelError {
    return switch (op) {
      case LT -> Long.compareUnsigned(l, r) < 0 ? 1 : 0;
      case LE -> Long.compareUnsigned(l, r) <= 0 ? 1 : 0;
      case GT -> Long.compareUnsigned(l, r) > 0 ? 1 : 0;
      case GE -> Long.compareUnsigned(l, r) >= 0 ? 1 : 0;
      case ADD -> Unsigned.add(l, r);
      case SUB -> Unsigned.subtract(l, r);
      case MUL -> Unsigned.multiply(l, r);
      case DIV -> Long.divideUnsigned(l, nonZero(r, "division", at));
      case MOD -> Long.remainderUnsigned(l, nonZero(r, "modulo", at));
      case LSH -> Unsigned.shiftLeft(l, r);
      case RSH -> Unsigned.shiftRight(l, r);
      default -> throw new IllegalStateException("operator " + op);
    };
  }

  /** {@code r}, the right operand of a {@code what} ("division", "modulo"); zero is a model error at {@code at}. */
  private static long nonZero(long r, String what, SourceLocation at) throws ModelError {
    if (r == 0) {
      throw ModelError.runtime(what + " by zero", at);
    }
    return r;
  }

  /** Rumur's {@code <<}: shifts of 64 or more either way give 0; a negative amount shifts the other way. */
  static long shiftLeft(long l, long r) {
    if (r >= 64 || r <= -64) {
      return 0;
    }
    return r < 0 ? l >> -r : l << r;
  }

  /** Rumur's {@code >>}: arithmetic; shifts of 64 or more either way give 0; negative shifts the other way. */
  static long shiftRight(long l, long r) {
    if (r >= 64 || r <= -64) {
      return 0;
    }
    return r < 0 ? l << -r : l >> r;
  }

  /** Whether a loop counter {@code i} has not passed {@code to} (a step is never negative when unsigned). */
  static boolean inBounds(boolean unsigned, long i, long to, long step) {
    if (unsigned) {
      return Long.compareUnsigned(i, to) <= 0;
    }
    return step > 0 ? i <= to : i >= to;
  }

  /** Whether stepping past counter {@code i} would overflow: the loop ends there. */
  static boolean lastStep(boolean unsigned, long i, long step) {
    if (unsigned) {
      return Long.compareUnsigned(i, -1L - step) > 0;
    }
    return step > 0 ? i > Long.MAX_VALUE - step : i < Long.MIN_VALUE - step;
  }
}
