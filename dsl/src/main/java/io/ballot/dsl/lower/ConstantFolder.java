package io.ballot.dsl.lower;

import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Expr.BinaryOp;
import io.ballot.checker.ir.Expr.Literal;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Type;
import io.ballot.checker.state.Unsigned;

/**
 * Folds operators over literals into literals, with Rumur's semantics (64-bit integers, division truncating toward
 * zero, overflow and division by zero are errors). A folding that fails throws {@link FoldError} with the reason.
 * In a model of unsigned values ({@link UnsignedValues}) the arithmetic is unsigned, and a negative constant is
 * an error wherever it appears, as Rumur finds no value type for such a model.
 */
final class ConstantFolder {
  private ConstantFolder() {}

  /** Why a constant expression has no value. */
  static final class FoldError extends Exception {
    /** The model is invalid, not just this expression certain to fail when executed. */
    final boolean always;

    FoldError(String message) {
      this(message, false);
    }

    FoldError(String message, boolean always) {
      super(message);
      this.always = always;
    }
  }

  private static FoldError negative(String what) {
    return new FoldError(what + " is negative, but this model's integers are unsigned 64-bit (it uses a value above "
        + Long.MAX_VALUE + "; Rumur's uint64_t value type), which cannot represent it", true);
  }

  static Literal unary(Expr.UnaryOp op, Literal x, Type type, SourceLocation at, boolean unsigned)
      throws FoldError {
    long v = x.value();
    if (unsigned && op == Expr.UnaryOp.NEGATE && v != 0) {
      throw negative("-" + Long.toUnsignedString(v));
    }
    return switch (op) {
      case NOT -> new Literal(type, v == 0 ? 1 : 0, at);
      case NEGATE -> {
        if (v == Long.MIN_VALUE) {
          throw new FoldError("integer overflow in constant expression");
        }
        yield new Literal(type, -v, at);
      }
      case BITWISE_NOT -> new Literal(type, ~v, at);
    };
  }

  static Literal binary(BinaryOp op, Literal l, Literal r, Type type, SourceLocation at, boolean unsigned)
      throws FoldError {
    long a = l.value();
    long b = r.value();
    long v;
    try {
      // one switch for both value types: only comparisons, arithmetic and shifts depend on the signedness
      v = switch (op) {
        case IMPLIES -> a == 0 || b != 0 ? 1 : 0;
        case OR -> a != 0 || b != 0 ? 1 : 0;
        case AND -> a != 0 && b != 0 ? 1 : 0;
        case EQ -> a == b ? 1 : 0;
        case NEQ -> a != b ? 1 : 0;
        case LT -> compare(a, b, unsigned) < 0 ? 1 : 0;
        case LE -> compare(a, b, unsigned) <= 0 ? 1 : 0;
        case GT -> compare(a, b, unsigned) > 0 ? 1 : 0;
        case GE -> compare(a, b, unsigned) >= 0 ? 1 : 0;
        case ADD -> unsigned ? Unsigned.add(a, b) : Math.addExact(a, b);
        case SUB -> {
          if (!unsigned) {
            yield Math.subtractExact(a, b);
          }
          if (Long.compareUnsigned(a, b) < 0) {
            throw negative(Long.toUnsignedString(a) + " - " + Long.toUnsignedString(b));
          }
          yield a - b;
        }
        case MUL -> unsigned ? Unsigned.multiply(a, b) : Math.multiplyExact(a, b);
        case DIV -> {
          if (b == 0) {
            throw new FoldError("division by zero in constant expression");
          }
          if (unsigned) {
            yield Long.divideUnsigned(a, b);
          }
          if (a == Long.MIN_VALUE && b == -1) {
            throw new ArithmeticException();
          }
          yield a / b;
        }
        case MOD -> {
          if (b == 0) {
            throw new FoldError("modulo by zero in constant expression");
          }
          yield unsigned ? Long.remainderUnsigned(a, b) : a % b;
        }
        // Rumur's lsh() and rsh(): a negative count shifts the other way, 64 or more gives 0
        case LSH -> unsigned ? Unsigned.shiftLeft(a, b) : b >= 64 || b <= -64 ? 0 : b < 0 ? a >> -b : a << b;
        case RSH -> unsigned ? Unsigned.shiftRight(a, b) : b >= 64 || b <= -64 ? 0 : b < 0 ? a << -b : a >> b;
        case BITWISE_AND -> a & b;
        case BITWISE_OR -> a | b;
        case XOR -> a ^ b;
      };
    } catch (ArithmeticException e) {
      throw new FoldError("integer overflow in constant expression");
    }
    return new Literal(type, v, at);
  }

  private static int compare(long a, long b, boolean unsigned) {
    return unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b);
  }
}
