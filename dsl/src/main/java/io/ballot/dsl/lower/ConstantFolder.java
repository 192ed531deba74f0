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
    if (unsigned) {
      return unsignedBinary(op, l.value(), r.value(), type, at);
    }
    long a = l.value();
    long b = r.value();
    long v;
    try {
      v = switch (op) {
        case IMPLIES -> a == 0 || b != 0 ? 1 : 0;
        case OR -> a != 0 || b != 0 ? 1 : 0;
        case AND -> a != 0 && b != 0 ? 1 : 0;
        case EQ -> a == b ? 1 : 0;
        case NEQ -> a != b ? 1 : 0;
        case LT -> a < b ? 1 : 0;
        case LE -> a <= b ? 1 : 0;
        case GT -> a > b ? 1 : 0;
        case GE -> a >= b ? 1 : 0;
        case ADD -> Math.addExact(a, b);
        case SUB -> Math.subtractExact(a, b);
        case MUL -> Math.multiplyExact(a, b);
        case DIV -> {
          if (b == 0) {
            throw new FoldError("division by zero in constant expression");
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
          yield a % b;
        }
        case LSH -> b >= 64 || b <= -64 ? 0 : b < 0 ? a >> -b : a << b; // Rumur's lsh()
        case RSH -> b >= 64 || b <= -64 ? 0 : b < 0 ? a << -b : a >> b; // Rumur's rsh()
        case BITWISE_AND -> a & b;
        case BITWISE_OR -> a | b;
        case XOR -> a ^ b;
      };
    } catch (ArithmeticException e) {
      throw new FoldError("integer overflow in constant expression");
    }
    return new Literal(type, v, at);
  }

  private static Literal unsignedBinary(BinaryOp op, long a, long b, Type type, SourceLocation at) throws FoldError {
    long v;
    try {
      v = switch (op) {
        case IMPLIES -> a == 0 || b != 0 ? 1 : 0;
        case OR -> a != 0 || b != 0 ? 1 : 0;
        case AND -> a != 0 && b != 0 ? 1 : 0;
        case EQ -> a == b ? 1 : 0;
        case NEQ -> a != b ? 1 : 0;
        case LT -> Long.compareUnsigned(a, b) < 0 ? 1 : 0;
        case LE -> Long.compareUnsigned(a, b) <= 0 ? 1 : 0;
        case GT -> Long.compareUnsigned(a, b) > 0 ? 1 : 0;
        case GE -> Long.compareUnsigned(a, b) >= 0 ? 1 : 0;
        case ADD -> Unsigned.add(a, b);
        case SUB -> {
          if (Long.compareUnsigned(a, b) < 0) {
            throw negative(Long.toUnsignedString(a) + " - " + Long.toUnsignedString(b));
          }
          yield a - b;
        }
        case MUL -> Unsigned.multiply(a, b);
        case DIV -> {
          if (b == 0) {
            throw new FoldError("division by zero in constant expression");
          }
          yield Long.divideUnsigned(a, b);
        }
        case MOD -> {
          if (b == 0) {
            throw new FoldError("modulo by zero in constant expression");
          }
          yield Long.remainderUnsigned(a, b);
        }
        case LSH -> Unsigned.shiftLeft(a, b);
        case RSH -> Unsigned.shiftRight(a, b);
        case BITWISE_AND -> a & b;
        case BITWISE_OR -> a | b;
        case XOR -> a ^ b;
      };
    } catch (ArithmeticException e) {
      throw new FoldError("integer overflow in constant expression");
    }
    return new Literal(type, v, at);
  }
}
