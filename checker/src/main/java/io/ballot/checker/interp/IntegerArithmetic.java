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

  /** {@code l op r} on signed 64-bit values; an overflow is a model error at {@code at}. */
  static long signed(Expr.BinaryOp op, long l, long r, SourceLocation at) throws ModelError {
    try {
      return switch (op) {
        case LT -> l < r ? 1 : 0;
        case LE -> l <= r ? 1 : 0;
        case GT -> l > r ? 1 : 0;
        case GE -> l >= r ? 1 : 0;
        case ADD -> Math.addExact(l, r);
        case SUB -> Math.subtractExact(l, r);
        case MUL -> Math.multiplyExact(l, r);
        case DIV -> {
          if (r == 0) {
            throw ModelError.runtime("division by zero", at);
          }
          if (l == Long.MIN_VALUE && r == -1) {
            throw new ArithmeticException();
          }
          yield l / r;
        }
        case MOD -> {
          if (r == 0) {
            throw ModelError.runtime("modulo by zero", at);
          }
          yield l % r;
        }
        case LSH -> shiftLeft(l, r);
        case RSH -> shiftRight(l, r);
        case BITWISE_AND -> l & r;
        case BITWISE_OR -> l | r;
        case XOR -> l ^ r;
        default -> throw new IllegalStateException("operator " + op);
      };
    } catch (ArithmeticException overflow) {
      throw ModelError.runtime("integer overflow in " + op.symbol, at);
    }
  }

  /** {@link #signed} on unsigned 64-bit values, as Rumur's uint64_t value type computes them. */
  static long unsigned(Expr.BinaryOp op, long l, long r, SourceLocation at) throws ModelError {
    try {
      return switch (op) {
        case LT -> Long.compareUnsigned(l, r) < 0 ? 1 : 0;
        case LE -> Long.compareUnsigned(l, r) <= 0 ? 1 : 0;
        case GT -> Long.compareUnsigned(l, r) > 0 ? 1 : 0;
        case GE -> Long.compareUnsigned(l, r) >= 0 ? 1 : 0;
        case ADD -> Unsigned.add(l, r);
        case SUB -> Unsigned.subtract(l, r);
        case MUL -> Unsigned.multiply(l, r);
        case DIV -> {
          if (r == 0) {
            throw ModelError.runtime("division by zero", at);
          }
          yield Long.divideUnsigned(l, r);
        }
        case MOD -> {
          if (r == 0) {
            throw ModelError.runtime("modulo by zero", at);
          }
          yield Long.remainderUnsigned(l, r);
        }
        case LSH -> Unsigned.shiftLeft(l, r);
        case RSH -> Unsigned.shiftRight(l, r);
        case BITWISE_AND -> l & r;
        case BITWISE_OR -> l | r;
        case XOR -> l ^ r;
        default -> throw new IllegalStateException("operator " + op);
      };
    } catch (ArithmeticException overflow) {
      throw ModelError.runtime("integer overflow in " + op.symbol, at);
    }
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
