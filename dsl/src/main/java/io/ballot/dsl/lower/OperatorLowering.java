package io.ballot.dsl.lower;

import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Expr.BinaryOp;
import io.ballot.checker.ir.Expr.Literal;
import io.ballot.checker.ir.Expr.UnaryOp;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Type;
import io.ballot.dsl.lower.ExprLowering.Mode;
import io.ballot.dsl.murphi.Binary;
import io.ballot.dsl.murphi.Unary;
import java.util.ArrayList;
import java.util.List;

/** Lowers and type-checks unary and binary operators, folding them over literals (Rumur's short cuts included). */
final class OperatorLowering {
  private final LoweringContext cx;
  private final ExprLowering exprs;
  private final Folding folding;

  /** {@code exprs} lowers the operands; {@code folding} folds operators over literals. */
  OperatorLowering(LoweringContext cx, ExprLowering exprs, Folding folding) {
    this.cx = cx;
    this.exprs = exprs;
    this.folding = folding;
  }

  Expr unary(Unary u, Mode mode, SourceLocation at) {
    Expr operand = exprs.lower(u.getOperand(), mode);
    if (operand == null) {
      return null;
    }
    String op = u.getOp();
    if (op.equals("+")) {
      if (operand.type() instanceof Type.ScalarsetType ss) {
        cx.problems().error(
            u.getOperand(), cx.typeRules().scalarsetOperator(
                "arithmetic on scalarset values", ss, "have no numeric value (unary '+' needs an integer operand)"));
        return null;
      }
      if (!TypeRules.isNumericOrReal(operand.type())) {
        cx.problems().error(u.getOperand(), "unary '+' needs an integer operand, not " + cx.typeRules().describe(operand.type()));
        return null;
      }
      return operand instanceof Literal lit ? new Literal(lit.type(), lit.value(), at) : operand;
    }
    UnaryOp kind;
    Type type;
    if (op.equals("!") || op.equals("¬")) {
      kind = UnaryOp.NOT;
      type = ExprLowering.BOOLEAN;
      if (!exprs.requireBoolean(operand, u.getOperand(), "the operand of '!'")) {
        return null;
      }
    } else {
      kind = op.equals("~") ? UnaryOp.BITWISE_NOT : UnaryOp.NEGATE;
      type = ExprLowering.INTEGER;
      if (operand.type() instanceof Type.ScalarsetType ss) {
        cx.problems().error(
            u.getOperand(), cx.typeRules().scalarsetOperator(
                kind == UnaryOp.NEGATE ? "arithmetic on scalarset values" : "bitwise operation on scalarset values", ss,
                "have no numeric value (unary '" + op + "' needs an integer operand)"));
        return null;
      }
      if (kind == UnaryOp.NEGATE && TypeRules.isReal(operand.type())) {
        Expr node = new Expr.Unary(kind, operand, ExprLowering.REAL, at);
        return operand instanceof Literal lit ? folding.fold(() -> RealFolding.negate(lit, at), u, mode, node) : node;
      }
      if (!TypeRules.isNumeric(operand.type())) {
        cx.problems().error(
            u.getOperand(), (kind == UnaryOp.NEGATE ? "expression cannot be negated: unary '-'" : "expression cannot be bitwise NOTed: '~'")
                + " needs an integer operand, not " + cx.typeRules().describe(operand.type()));
        return null;
      }
    }
    Expr node = new Expr.Unary(kind, operand, type, at);
    if (operand instanceof Literal lit) {
      return folding.fold(() -> ConstantFolder.unary(kind, lit, type, at, cx.unsignedValues()), u, mode, node);
    }
    return node;
  }

  Expr binary(Binary b, Mode mode, SourceLocation at) {
    // A left-deep chain (1 + 1 + ... + 1: the parser makes every chain of one precedence level left-deep) is lowered
    // along its left spine in a loop, not by recursion: a sum of 100,000 terms would exhaust any thread's stack.
    List<Binary> spine = new ArrayList<>();
    spine.add(b);
    io.ballot.dsl.murphi.Expr leftmost = b.getLeft();
    while (leftmost instanceof Binary inner) {
      spine.add(inner);
      leftmost = inner.getLeft();
    }
    Expr left = exprs.lower(leftmost, mode);
    for (int i = spine.size() - 1; i >= 0; i--) {
      Binary level = spine.get(i);
      left = binary(level, left, mode, i == 0 ? at : cx.locations().of(level));
    }
    return left;
  }

  /** Lowers {@code b}, whose left operand is already lowered to {@code left} (null if it was invalid). */
  private Expr binary(Binary b, Expr left, Mode mode, SourceLocation at) {
    Expr right = exprs.lower(b.getRight(), mode);
    if (left == null || right == null) {
      return null;
    }
    String op = b.getOp();
    BinaryOp kind = operator(op, left.type());
    boolean logical =
        kind == BinaryOp.IMPLIES || kind == BinaryOp.OR || kind == BinaryOp.AND;
    boolean comparison = kind == BinaryOp.LT || kind == BinaryOp.LE || kind == BinaryOp.GT || kind == BinaryOp.GE;
    Type type;
    if (logical) {
      // '&' and '|' are logical unless their left operand is an integer (Rumur decides by the left side only).
      boolean ok = exprs.requireBoolean(left, b.getLeft(), "the left side of '" + op + "'");
      ok &= exprs.requireBoolean(right, b.getRight(), "the right side of '" + op + "'");
      if (!ok) {
        return null;
      }
      type = ExprLowering.BOOLEAN;
    } else if (kind == BinaryOp.EQ || kind == BinaryOp.NEQ) {
      if (!TypeRules.comparable(left.type(), right.type())) {
        TypeRules.ScalarsetClash clash = TypeRules.scalarsetClash(left.type(), right.type());
        cx.problems().error(
            b, clash != null
                ? cx.typeRules().scalarsetMixing(
                    "comparing values of types " + cx.typeRules().describe(left.type()) + " and "
                        + cx.typeRules().describe(right.type()), clash)
                : "expressions are not comparable: " + cx.typeRules().describe(left.type()) + " and "
                    + cx.typeRules().describe(right.type()));
        return null;
      }
      type = ExprLowering.BOOLEAN;
    } else if (comparison) {
      Type.ScalarsetType ss = TypeRules.scalarsetAmong(left.type(), right.type());
      if (ss != null) {
        cx.problems().error(
            b, cx.typeRules().scalarsetOperator("ordering comparison on scalarset values", ss, "may only be compared with = or !="));
        return null;
      }
      if (!TypeRules.isNumericOrReal(left.type()) || !TypeRules.isNumericOrReal(right.type())) {
        cx.problems().error(
            b, "expressions are not comparable with '" + op + "': " + cx.typeRules().describe(left.type()) + " and "
                + cx.typeRules().describe(right.type()) + " (only integers and reals are ordered)");
        return null;
      }
      type = ExprLowering.BOOLEAN;
    } else {
      Type.ScalarsetType ss = TypeRules.scalarsetAmong(left.type(), right.type());
      if (ss != null) {
        boolean arithmetic = kind == BinaryOp.ADD || kind == BinaryOp.SUB || kind == BinaryOp.MUL
            || kind == BinaryOp.DIV || kind == BinaryOp.MOD;
        cx.problems().error(
            b, cx.typeRules().scalarsetOperator(
                arithmetic ? "arithmetic on scalarset values" : "bitwise operation on scalarset values", ss,
                "have no numeric value ('" + op + "' needs integer operands)"));
        return null;
      }
      boolean real = TypeRules.isReal(left.type()) || TypeRules.isReal(right.type());
      boolean realOperator = kind == BinaryOp.ADD || kind == BinaryOp.SUB || kind == BinaryOp.MUL || kind == BinaryOp.DIV;
      if (real && kind == BinaryOp.MOD) {
        cx.problems().error(b, "'%' needs integer operands, not " + cx.typeRules().describe(left.type()) + " and "
            + cx.typeRules().describe(right.type()) + " (CMurphi has no modulo of reals; fmod(x, y) computes one)");
        return null;
      }
      if (real && realOperator && TypeRules.isNumericOrReal(left.type()) && TypeRules.isNumericOrReal(right.type())) {
        type = ExprLowering.REAL;
      } else if (!TypeRules.isNumeric(left.type()) || !TypeRules.isNumeric(right.type())) {
        cx.problems().error(
            b, "'" + op + "' needs integer operands, not " + cx.typeRules().describe(left.type()) + " and "
                + cx.typeRules().describe(right.type()));
        return null;
      } else {
        type = ExprLowering.INTEGER;
      }
    }
    boolean realOperands = TypeRules.isReal(left.type()) || TypeRules.isReal(right.type());
    Expr node = new Expr.Binary(kind, left, right, type, at);
    if (left instanceof Literal ll && right instanceof Literal rl) {
      return realOperands
          ? folding.fold(() -> RealFolding.binary(kind, ll, rl, type, at), b, mode, node)
          : folding.fold(() -> ConstantFolder.binary(kind, ll, rl, type, at, cx.unsignedValues()), b, mode, node);
    }
    if (mode == Mode.CONSTANT) {
      Literal shortCut = shortCircuit(kind, left, right, type, at);
      if (shortCut != null) {
        return shortCut;
      }
    } else if (realOperands && kind == BinaryOp.DIV && right instanceof Literal rl && RealFolding.real(rl) == 0) {
      cx.problems().warning(b.getRight(), "division by zero: the result is infinite or NaN, and storing it fails");
    } else if (!realOperands && (kind == BinaryOp.DIV || kind == BinaryOp.MOD) && right instanceof Literal rl
        && rl.value() == 0) {
      cx.problems().warning(b.getRight(), (kind == BinaryOp.DIV ? "division" : "modulo") + " by zero: this fails when executed");
    }
    return node;
  }

  /** The IR operator for a source operator; {@code &} and {@code |} depend on the left operand's type. */
  private static BinaryOp operator(String op, Type leftType) {
    return switch (op) {
      case "->", "→" -> BinaryOp.IMPLIES;
      case "||", "∨" -> BinaryOp.OR;
      case "&&", "∧" -> BinaryOp.AND;
      case "&" -> TypeRules.isNumeric(leftType) ? BinaryOp.BITWISE_AND : BinaryOp.AND;
      case "|" -> TypeRules.isNumeric(leftType) ? BinaryOp.BITWISE_OR : BinaryOp.OR;
      case "^" -> BinaryOp.XOR;
      case "<" -> BinaryOp.LT;
      case "<=", "≤" -> BinaryOp.LE;
      case ">" -> BinaryOp.GT;
      case ">=", "≥" -> BinaryOp.GE;
      case "=", "==" -> BinaryOp.EQ;
      case "!=", "≠" -> BinaryOp.NEQ;
      case "+" -> BinaryOp.ADD;
      case "-", "−" -> BinaryOp.SUB;
      case "*", "×" -> BinaryOp.MUL;
      case "/", "÷", "∕" -> BinaryOp.DIV;
      case "%" -> BinaryOp.MOD;
      case "<<" -> BinaryOp.LSH;
      case ">>" -> BinaryOp.RSH;
      default -> throw new IllegalArgumentException("operator " + op);
    };
  }

  /**
   * Rumur's short-circuit constant folding: an operator with one constant operand that decides the result is
   * constant even when the other operand is not ({@code 0 * f()}, {@code false & x}, {@code true | x}).
   */
  private static Literal shortCircuit(BinaryOp kind, Expr left, Expr right, Type type, SourceLocation at) {
    Long l = left instanceof Literal ll ? ll.value() : null;
    Long r = right instanceof Literal rl ? rl.value() : null;
    boolean lZero = l != null && l == 0;
    boolean rZero = r != null && r == 0;
    return switch (kind) {
      case MUL, BITWISE_AND -> lZero || rZero ? new Literal(type, 0, at) : null;
      case DIV, MOD, LSH, RSH -> lZero ? new Literal(type, 0, at) : null;
      case AND -> lZero || rZero ? new Literal(type, 0, at) : null;
      case OR -> (l != null && l != 0) || (r != null && r != 0) ? new Literal(type, 1, at) : null;
      case IMPLIES -> lZero || (r != null && r != 0) ? new Literal(type, 1, at) : null;
      default -> null;
    };
  }
}
