package io.ballot.dsl.lower;

import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Expr.BinaryOp;
import io.ballot.checker.ir.Expr.Literal;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Type;

/**
 * Folds operators over literals into literals, with Rumur's semantics (64-bit integers, division truncating toward
 * zero, overflow and division by zero are errors). A folding that fails throws {@link FoldError} with the reason.
 */
final class ConstantFolder {
  private ConstantFolder() {}

  /** Why a constant expression has no value. */
  static final class FoldError extends Exception {
    FoldError(String message) {
      super(message);
    }
  }

  static Literal unary(Expr.UnaryOp op, Literal x, Type type, SourceLocation at) throws FoldError {
    long v = x.value();
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

  static Literal binary(BinaryOp op, Literal l, Literal r, Type type, SourceLocation at) throws FoldError {
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
}
