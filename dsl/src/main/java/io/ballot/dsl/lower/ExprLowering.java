package io.ballot.dsl.lower;

import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Choose;
import io.ballot.checker.ir.ConstantDecl;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Expr.BinaryOp;
import io.ballot.checker.ir.Expr.Literal;
import io.ballot.checker.ir.Expr.UnaryOp;
import io.ballot.checker.ir.Function;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.RealFunction;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Type;
import io.ballot.checker.ir.Variable;
import io.ballot.checker.state.RealValues;
import io.ballot.dsl.ast.UndefinedWord;
import io.ballot.dsl.murphi.AliasDecl;
import io.ballot.dsl.murphi.Binary;
import io.ballot.dsl.murphi.BoolLiteral;
import io.ballot.dsl.murphi.Call;
import io.ballot.dsl.murphi.ChooseRule;
import io.ballot.dsl.murphi.ElementAccess;
import io.ballot.dsl.murphi.Exists;
import io.ballot.dsl.murphi.FieldAccess;
import io.ballot.dsl.murphi.Forall;
import io.ballot.dsl.murphi.IdRef;
import io.ballot.dsl.murphi.IntLiteral;
import io.ballot.dsl.murphi.IsMember;
import io.ballot.dsl.murphi.IsUndefined;
import io.ballot.dsl.murphi.MultisetCount;
import io.ballot.dsl.murphi.MultisetQuantifier;
import io.ballot.dsl.murphi.MurphiPackage;
import io.ballot.dsl.murphi.Named;
import io.ballot.dsl.murphi.Paren;
import io.ballot.dsl.murphi.ProcDecl;
import io.ballot.dsl.murphi.Ternary;
import io.ballot.dsl.murphi.TypeName;
import io.ballot.dsl.murphi.Unary;
import io.ballot.dsl.scoping.Builtins;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;

/** Lowers and type-checks expressions; folds constant subexpressions to literals. */
final class ExprLowering {

  /** What an expression may do where it stands. */
  enum Mode {
    /**
     * A constant is wanted (declarations' values, range bounds, sizes, ruleset bounds): operators short-circuit as
     * in Rumur ({@code 0 * f()} is 0, {@code false ? f() : 1} is 1) and failed foldings are errors. Whether the
     * result is constant is judged by the caller: a constant expression lowers to a {@link Literal}.
     */
    CONSTANT,
    /** Guards and properties: calls of functions with side effects are warned about. */
    PURE,
    /** Anything: statements. */
    NORMAL
  }

  private static final Type BOOLEAN = new Type.BooleanType();
  private static final Type INTEGER = new Type.IntType();
  private static final Type REAL = new Type.DoubleType();

  private final Lowering l;
  private final Purity purity = new Purity();

  ExprLowering(Lowering lowering) {
    this.l = lowering;
  }

  /** Lowers {@code e}; null when it is invalid (already reported). */
  Expr lower(io.ballot.dsl.murphi.Expr e, Mode mode) {
    if (e == null) {
      return null;
    }
    SourceLocation at = l.locations.of(e);
    if (e instanceof IntLiteral i) {
      return integerLiteral(i, at);
    }
    if (e instanceof io.ballot.dsl.murphi.RealLiteral r) {
      if (!r.getValue().matches("[0-9]+\\.[0-9]+")) {
        l.problems.error(r, "invalid real number " + r.getValue() + ": a real is decimal digits '.' digits");
        return null;
      }
      return fold(() -> RealFolding.literal(Double.parseDouble(r.getValue()), at), r, Mode.CONSTANT, null);
    }
    if (e instanceof BoolLiteral b) {
      return new Literal(BOOLEAN, b.isValue() ? 1 : 0, at);
    }
    if (e instanceof Paren p) {
      Expr inner = lower(p.getExpr(), mode);
      return inner instanceof Literal lit ? new Literal(lit.type(), lit.value(), at) : inner;
    }
    if (e instanceof IdRef ref) {
      return reference(ref, mode, at);
    }
    if (e instanceof FieldAccess f) {
      return field(f, mode, at);
    }
    if (e instanceof ElementAccess a) {
      return element(a, mode, at);
    }
    if (e instanceof Unary u) {
      return unary(u, mode, at);
    }
    if (e instanceof Binary b) {
      return binary(b, mode, at);
    }
    if (e instanceof Ternary t) {
      return ternary(t, mode, at);
    }
    if (e instanceof Call c) {
      return call(c, mode, at);
    }
    if (e instanceof Forall f) {
      return quantified(true, f.getQuantifier(), f.getBody(), f, mode, at);
    }
    if (e instanceof Exists x) {
      return quantified(false, x.getQuantifier(), x.getBody(), x, mode, at);
    }
    if (e instanceof IsUndefined u) {
      Expr target = lower(u.getTarget(), mode);
      if (target == null) {
        return null;
      }
      if (!target.isLValue()) {
        l.problems.error(u.getTarget(), "isundefined needs a designator: this is not a variable");
        return null;
      }
      if (!target.type().isSimple()) {
        l.problems.error(
            u.getTarget(), "isundefined needs a simple type, not " + l.typeRules.describe(target.type())
                + " (a record or array); test its parts");
        return null;
      }
      return new Expr.IsUndefined(target, at);
    }
    if (e instanceof IsMember m) {
      Expr value = lower(m.getValue(), mode);
      Type t = l.types.lower(m.getType(), null);
      if (value == null || t == null) {
        return null;
      }
      if (!(value.type() instanceof Type.UnionType u) || u.members().stream().noneMatch(member -> TypeRules.equal(member, t))) {
        l.problems.error(m, "ismember needs a union value and one of that union's member types");
        return null;
      }
      return new Expr.IsMember(value, t, at);
    }
    if (e instanceof MultisetCount c) {
      MultisetBinding b = bindMultiset(c.getQuantifier(), mode);
      if (b == null) {
        return null;
      }
      Expr pred = lower(c.getPredicate(), Mode.PURE);
      if (!requireBoolean(pred, c.getPredicate(), "the multisetcount predicate")) {
        return null;
      }
      return pred == null ? null : new Expr.MultisetCount(b.index(), b.multiset(), pred, at);
    }
    l.problems.error(e, "unsupported expression");
    return null;
  }

  /** Reports a non-boolean condition; answers whether {@code e} is boolean (true for null: already reported). */
  boolean requireBoolean(Expr e, EObject at, String message) {
    if (e != null && !TypeRules.isBoolean(e.type())) {
      l.problems.error(at, message + " must be boolean (it has type " + l.typeRules.describe(e.type()) + ")");
      return false;
    }
    return true;
  }

  private Expr integerLiteral(IntLiteral i, SourceLocation at) {
    String text = i.getValue();
    BigInteger v;
    if (text.startsWith("0x") || text.startsWith("0X")) {
      v = new BigInteger(text.substring(2), 16);
    } else if (text.length() > 1 && text.startsWith("0")) {
      if (!text.matches("0[0-7]+")) {
        l.problems.error(i, "invalid number " + text + ": a leading 0 makes it octal, which has digits 0-7 only");
        return null;
      }
      v = new BigInteger(text.substring(1), 8); // Rumur reads a leading 0 as octal, like C
    } else {
      v = new BigInteger(text);
    }
    if (v.compareTo(UnsignedValues.MAX) > 0) {
      l.problems.error(i, "integer literal " + text + " is too large (the limit is " + UnsignedValues.MAX
          + ": with 64-bit values, one of the 2^64 codes is needed for 'undefined')");
      return null;
    }
    return new Literal(INTEGER, v.longValue(), at);
  }

  private Expr reference(IdRef ref, Mode mode, SourceLocation at) {
    return valueOf(ref.getRef(), ref, at);
  }

  /** The value declaration {@code target} stands for, written at {@code ref}; null when it is none (reported). */
  Expr valueOf(Named target, EObject ref, SourceLocation at) {
    if (target == null || target.eIsProxy()) {
      return null; // reported by the linker
    }
    if (target instanceof TypeName) {
      l.problems.error(ref, "'" + target.getName() + "' is a type, not a value");
      return null;
    }
    if (target instanceof ProcDecl) {
      l.problems.error(ref, "'" + target.getName() + "' is a function; call it with parentheses");
      return null;
    }
    if (target instanceof io.ballot.dsl.murphi.NetworkDecl) {
      l.problems.error(ref, "'" + target.getName() + "' is a network: use it with send, broadcast and receive");
      return null;
    }
    Object bound = l.bindings.get(target);
    if (bound == null) {
      return null; // its declaration was rejected
    }
    if (bound instanceof ConstantDecl c) {
      return new Literal(c.type(), c.value(), at);
    }
    if (bound instanceof Literal lit) {
      return new Literal(lit.type(), lit.value(), at);
    }
    if (bound instanceof AliasBinding a) {
      if (a.value() instanceof Literal lit) {
        return new Literal(lit.type(), lit.value(), at); // an alias of a constant is a constant
      }
      return new Expr.LocalRef(a.alias(), a.value().isLValue(), at);
    }
    if (bound instanceof Variable v) {
      return new Expr.VarRef(v, at);
    }
    if (bound instanceof Local local) {
      return new Expr.LocalRef(local, local.kind() != Local.Kind.MULTISET_INDEX, at);
    }
    return null;
  }

  private Expr field(FieldAccess f, Mode mode, SourceLocation at) {
    Expr record = lower(f.getRecord(), mode);
    if (record == null || f.getField() == null || f.getField().eIsProxy()) {
      return null; // an unresolved field is reported by the linker (as "not a record" or "no field")
    }
    if (!(record.type() instanceof Type.RecordType rt)) {
      l.problems.error(f.getRecord(), "left side of '.' is not a record (it has type " + l.typeRules.describe(record.type()) + ")");
      return null;
    }
    String name = f.getField().getName();
    int index = rt.indexOf(name);
    if (index < 0) {
      l.problems.error(f, "no field named '" + name + "' in record");
      return null;
    }
    return new Expr.FieldRef(record, name, index, rt.fields().get(index).type(), at);
  }

  private Expr element(ElementAccess a, Mode mode, SourceLocation at) {
    Expr array = lower(a.getArray(), mode);
    Expr index = lower(a.getIndex(), mode);
    if (array == null || index == null) {
      return null;
    }
    if (array.type() instanceof Type.ArrayType at2) {
      if (!TypeRules.assignable(at2.index(), index.type())) {
        TypeRules.ScalarsetClash clash = TypeRules.scalarsetClash(at2.index(), index.type());
        l.problems.error(
            a.getIndex(),
            clash != null
                ? l.typeRules.scalarsetMixing(
                    "indexing an array over " + l.typeRules.describe(at2.index()) + " with a value of type "
                        + l.typeRules.describe(index.type()), clash)
                : "incompatible types: array index has type " + l.typeRules.describe(index.type())
                    + " but the array is indexed by " + l.typeRules.describe(at2.index()));
        return null;
      }
      return new Expr.ElementRef(array, index, at2.element(), at);
    }
    if (array.type() instanceof Type.MultisetType mt) {
      if (!(index instanceof Expr.LocalRef lr && lr.local().kind() == Local.Kind.MULTISET_INDEX)) {
        l.problems.error(a.getIndex(), "a multiset can only be indexed by a choose or multiset quantifier index");
        return null;
      }
      return new Expr.ElementRef(array, index, mt.element(), at);
    }
    l.problems.error(a.getArray(), "indexing something that is not an array (it has type " + l.typeRules.describe(array.type()) + ")");
    return null;
  }

  private Expr unary(Unary u, Mode mode, SourceLocation at) {
    Expr operand = lower(u.getOperand(), mode);
    if (operand == null) {
      return null;
    }
    String op = u.getOp();
    if (op.equals("+")) {
      if (operand.type() instanceof Type.ScalarsetType ss) {
        l.problems.error(
            u.getOperand(), l.typeRules.scalarsetOperator(
                "arithmetic on scalarset values", ss, "have no numeric value (unary '+' needs an integer operand)"));
        return null;
      }
      if (!TypeRules.isNumericOrReal(operand.type())) {
        l.problems.error(u.getOperand(), "unary '+' needs an integer operand, not " + l.typeRules.describe(operand.type()));
        return null;
      }
      return operand instanceof Literal lit ? new Literal(lit.type(), lit.value(), at) : operand;
    }
    UnaryOp kind;
    Type type;
    if (op.equals("!") || op.equals("¬")) {
      kind = UnaryOp.NOT;
      type = BOOLEAN;
      if (!requireBoolean(operand, u.getOperand(), "the operand of '!'")) {
        return null;
      }
    } else {
      kind = op.equals("~") ? UnaryOp.BITWISE_NOT : UnaryOp.NEGATE;
      type = INTEGER;
      if (operand.type() instanceof Type.ScalarsetType ss) {
        l.problems.error(
            u.getOperand(), l.typeRules.scalarsetOperator(
                kind == UnaryOp.NEGATE ? "arithmetic on scalarset values" : "bitwise operation on scalarset values", ss,
                "have no numeric value (unary '" + op + "' needs an integer operand)"));
        return null;
      }
      if (kind == UnaryOp.NEGATE && TypeRules.isReal(operand.type())) {
        Expr node = new Expr.Unary(kind, operand, REAL, at);
        return operand instanceof Literal lit ? fold(() -> RealFolding.negate(lit, at), u, mode, node) : node;
      }
      if (!TypeRules.isNumeric(operand.type())) {
        l.problems.error(
            u.getOperand(), (kind == UnaryOp.NEGATE ? "expression cannot be negated: unary '-'" : "expression cannot be bitwise NOTed: '~'")
                + " needs an integer operand, not " + l.typeRules.describe(operand.type()));
        return null;
      }
    }
    Expr node = new Expr.Unary(kind, operand, type, at);
    if (operand instanceof Literal lit) {
      return fold(() -> ConstantFolder.unary(kind, lit, type, at, l.unsignedValues), u, mode, node);
    }
    return node;
  }

  private Expr binary(Binary b, Mode mode, SourceLocation at) {
    // A left-deep chain (1 + 1 + ... + 1: the parser makes every chain of one precedence level left-deep) is lowered
    // along its left spine in a loop, not by recursion: a sum of 100,000 terms would exhaust any thread's stack.
    List<Binary> spine = new ArrayList<>();
    spine.add(b);
    io.ballot.dsl.murphi.Expr leftmost = b.getLeft();
    while (leftmost instanceof Binary inner) {
      spine.add(inner);
      leftmost = inner.getLeft();
    }
    Expr left = lower(leftmost, mode);
    for (int i = spine.size() - 1; i >= 0; i--) {
      Binary level = spine.get(i);
      left = binary(level, left, mode, i == 0 ? at : l.locations.of(level));
    }
    return left;
  }

  /** Lowers {@code b}, whose left operand is already lowered to {@code left} (null if it was invalid). */
  private Expr binary(Binary b, Expr left, Mode mode, SourceLocation at) {
    Expr right = lower(b.getRight(), mode);
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
      boolean ok = requireBoolean(left, b.getLeft(), "the left side of '" + op + "'");
      ok &= requireBoolean(right, b.getRight(), "the right side of '" + op + "'");
      if (!ok) {
        return null;
      }
      type = BOOLEAN;
    } else if (kind == BinaryOp.EQ || kind == BinaryOp.NEQ) {
      if (!TypeRules.comparable(left.type(), right.type())) {
        TypeRules.ScalarsetClash clash = TypeRules.scalarsetClash(left.type(), right.type());
        l.problems.error(
            b, clash != null
                ? l.typeRules.scalarsetMixing(
                    "comparing values of types " + l.typeRules.describe(left.type()) + " and "
                        + l.typeRules.describe(right.type()), clash)
                : "expressions are not comparable: " + l.typeRules.describe(left.type()) + " and "
                    + l.typeRules.describe(right.type()));
        return null;
      }
      type = BOOLEAN;
    } else if (comparison) {
      Type.ScalarsetType ss = TypeRules.scalarsetAmong(left.type(), right.type());
      if (ss != null) {
        l.problems.error(
            b, l.typeRules.scalarsetOperator("ordering comparison on scalarset values", ss, "may only be compared with = or !="));
        return null;
      }
      if (!TypeRules.isNumericOrReal(left.type()) || !TypeRules.isNumericOrReal(right.type())) {
        l.problems.error(
            b, "expressions are not comparable with '" + op + "': " + l.typeRules.describe(left.type()) + " and "
                + l.typeRules.describe(right.type()) + " (only integers and reals are ordered)");
        return null;
      }
      type = BOOLEAN;
    } else {
      Type.ScalarsetType ss = TypeRules.scalarsetAmong(left.type(), right.type());
      if (ss != null) {
        boolean arithmetic = kind == BinaryOp.ADD || kind == BinaryOp.SUB || kind == BinaryOp.MUL
            || kind == BinaryOp.DIV || kind == BinaryOp.MOD;
        l.problems.error(
            b, l.typeRules.scalarsetOperator(
                arithmetic ? "arithmetic on scalarset values" : "bitwise operation on scalarset values", ss,
                "have no numeric value ('" + op + "' needs integer operands)"));
        return null;
      }
      boolean real = TypeRules.isReal(left.type()) || TypeRules.isReal(right.type());
      boolean realOperator = kind == BinaryOp.ADD || kind == BinaryOp.SUB || kind == BinaryOp.MUL || kind == BinaryOp.DIV;
      if (real && kind == BinaryOp.MOD) {
        l.problems.error(b, "'%' needs integer operands, not " + l.typeRules.describe(left.type()) + " and "
            + l.typeRules.describe(right.type()) + " (CMurphi has no modulo of reals; fmod(x, y) computes one)");
        return null;
      }
      if (real && realOperator && TypeRules.isNumericOrReal(left.type()) && TypeRules.isNumericOrReal(right.type())) {
        type = REAL;
      } else if (!TypeRules.isNumeric(left.type()) || !TypeRules.isNumeric(right.type())) {
        l.problems.error(
            b, "'" + op + "' needs integer operands, not " + l.typeRules.describe(left.type()) + " and "
                + l.typeRules.describe(right.type()));
        return null;
      } else {
        type = INTEGER;
      }
    }
    boolean realOperands = TypeRules.isReal(left.type()) || TypeRules.isReal(right.type());
    Expr node = new Expr.Binary(kind, left, right, type, at);
    if (left instanceof Literal ll && right instanceof Literal rl) {
      return realOperands
          ? fold(() -> RealFolding.binary(kind, ll, rl, type, at), b, mode, node)
          : fold(() -> ConstantFolder.binary(kind, ll, rl, type, at, l.unsignedValues), b, mode, node);
    }
    if (mode == Mode.CONSTANT) {
      Literal shortCut = shortCircuit(kind, left, right, type, at);
      if (shortCut != null) {
        return shortCut;
      }
    } else if (realOperands && kind == BinaryOp.DIV && right instanceof Literal rl && RealFolding.real(rl) == 0) {
      l.problems.warning(b.getRight(), "division by zero: the result is infinite or NaN, and storing it fails");
    } else if (!realOperands && (kind == BinaryOp.DIV || kind == BinaryOp.MOD) && right instanceof Literal rl
        && rl.value() == 0) {
      l.problems.warning(b.getRight(), (kind == BinaryOp.DIV ? "division" : "modulo") + " by zero: this fails when executed");
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

  private interface Folding {
    Literal fold() throws ConstantFolder.FoldError;
  }

  /**
   * Folds an operator over literals. Where a constant is wanted a failed folding (overflow, division by zero) is
   * an error; elsewhere the expression stays unfolded and fails when executed, as in Rumur.
   */
  private Expr fold(Folding f, EObject at, Mode mode, Expr unfolded) {
    try {
      return f.fold();
    } catch (ConstantFolder.FoldError err) {
      if (mode == Mode.CONSTANT || err.always) {
        l.problems.error(at, err.getMessage());
        return null;
      }
      l.problems.warning(at, err.getMessage().replace(" in constant expression", "") + ": this fails when executed");
      return unfolded;
    }
  }

  private Expr ternary(Ternary t, Mode mode, SourceLocation at) {
    Expr cond = lower(t.getCondition(), mode);
    Expr then = lower(t.getThen(), mode);
    Expr otherwise = lower(t.getElse(), mode);
    if (cond == null || then == null || otherwise == null) {
      return null;
    }
    if (!requireBoolean(cond, t.getCondition(), "the ternary condition")) {
      return null;
    }
    if ((TypeRules.isReal(then.type()) || TypeRules.isReal(otherwise.type()))
        && TypeRules.isNumericOrReal(then.type()) && TypeRules.isNumericOrReal(otherwise.type())) {
      if (cond instanceof Literal c && (c.value() != 0 ? then : otherwise) instanceof Literal lit) {
        return new Literal(REAL, RealValues.bits(RealFolding.real(lit)), at);
      }
      return new Expr.Ternary(cond, then, otherwise, REAL, at); // a real and an integer: the result is real
    }
    TypeRules.ScalarsetClash clash =
        TypeRules.comparable(then.type(), otherwise.type()) ? null : TypeRules.scalarsetClash(then.type(), otherwise.type());
    if (clash != null) {
      // Rumur accepts this (the result has the 'then' branch's type), but a scalarset value would leak into
      // another type, or an integer into a scalarset, through the '?:'.
      l.problems.error(
          t, l.typeRules.scalarsetMixing(
              "mixing types " + l.typeRules.describe(then.type()) + " and " + l.typeRules.describe(otherwise.type())
                  + " in the branches of '?:'", clash));
      return null;
    }
    if (!TypeRules.comparable(then.type(), otherwise.type())) {
      // Rumur does not check the branches against each other: the result has the type of the 'then' branch.
      l.problems.warning(
          t, "the branches of '?:' have different types (" + l.typeRules.describe(then.type()) + " and "
              + l.typeRules.describe(otherwise.type()) + "); the result has the first one's type");
    }
    Type type = TypeRules.comparable(then.type(), otherwise.type()) ? TypeRules.join(then.type(), otherwise.type()) : then.type();
    if (cond instanceof Literal c) {
      Expr chosen = c.value() != 0 ? then : otherwise;
      if (chosen instanceof Literal lit) {
        return new Literal(type, lit.value(), at);
      }
    }
    return new Expr.Ternary(cond, then, otherwise, type, at);
  }

  private Expr call(Call c, Mode mode, SourceLocation at) {
    io.ballot.dsl.ast.NetworkQuery.Kind query = io.ballot.dsl.ast.NetworkQuery.of(c);
    if (query != null) {
      return l.networkQueries.lower(c, query, mode);
    }
    if (!(c.getCallee() instanceof ProcDecl decl) || decl.eIsProxy()) {
      return null; // unresolved: reported by the linker
    }
    if (Builtins.isBuiltin(decl)) {
      return builtinCall(c, decl.getName(), mode, at);
    }
    Function f = (Function) l.bindings.get(decl);
    List<Expr> args = arguments(decl, f, c.getArgs(), c, mode);
    if (f == null || args == null) {
      return null;
    }
    if (mode == Mode.PURE && !purity.isPure(f)) {
      l.problems.warning(
          c, "function '" + f.name() + "' has side effects; calling it in a guard or property makes the result"
              + " depend on evaluation order");
    }
    return new Expr.Call(f, args, at);
  }

  /** A call of a CMurphi built-in: a math function ({@link RealFunction}); {@code real(p, e)} is a type. */
  private Expr builtinCall(Call c, String name, Mode mode, SourceLocation at) {
    if (name.equals(Builtins.REAL)) {
      l.problems.error(c, "real(precision, exponent) is a type, not a value");
      return null;
    }
    RealFunction fn = RealFunction.valueOf(name.toUpperCase(java.util.Locale.ROOT));
    List<Expr> args = new ArrayList<>();
    boolean ok = true;
    for (io.ballot.dsl.murphi.Expr a : c.getArgs()) {
      Expr arg = lower(a, mode);
      if (arg != null && !TypeRules.isNumericOrReal(arg.type())) {
        l.problems.error(a, "'" + name + "' needs integer or real arguments, not " + l.typeRules.describe(arg.type()));
        arg = null;
      }
      ok &= arg != null;
      args.add(arg);
    }
    if (c.getArgs().size() != fn.arity()) {
      l.problems.error(c, "wrong number of arguments to '" + name + "': it takes " + fn.arity() + " but "
          + c.getArgs().size() + (c.getArgs().size() == 1 ? " was" : " were") + " given");
      return null;
    }
    if (!ok) {
      return null;
    }
    Expr node = new Expr.MathCall(fn, List.copyOf(args), at);
    if (args.stream().allMatch(a -> a instanceof Literal)) {
      double[] values = args.stream().mapToDouble(a -> RealFolding.real((Literal) a)).toArray();
      return fold(() -> RealFolding.math(fn, values, at), c, mode, node);
    }
    return node;
  }

  /** Lowers and checks call arguments against the parameters; null when invalid. */
  List<Expr> arguments(ProcDecl decl, Function f, List<io.ballot.dsl.murphi.Expr> actuals, EObject at, Mode mode) {
    List<Expr> args = new ArrayList<>();
    boolean ok = true;
    for (io.ballot.dsl.murphi.Expr a : actuals) {
      if (UndefinedWord.is(a)) {
        args.add(new Expr.Undefined(INTEGER, l.locations.of(a))); // typed below, once the parameter is known
        continue;
      }
      Expr arg = lower(a, mode);
      ok &= arg != null;
      args.add(arg);
    }
    if (f == null) {
      return null; // the function's own declaration was rejected
    }
    if (actuals.size() != f.parameters().size()) {
      l.problems.error(
          at, "wrong number of arguments to '" + f.name() + "': it takes " + f.parameters().size() + " but "
              + actuals.size() + (actuals.size() == 1 ? " was" : " were") + " given");
      return null;
    }
    if (f.isProcedure() && at instanceof Call) {
      l.problems.error(
          at, "procedure '" + f.name() + "' does not return a value, so it cannot be used in an expression");
      return null;
    }
    if (!ok) {
      return null;
    }
    for (int i = 0; i < args.size(); i++) {
      Local p = f.parameters().get(i);
      Expr arg = args.get(i);
      if (arg instanceof Expr.Undefined u) {
        if (p.kind() == Local.Kind.VAR_PARAMETER) {
          l.problems.error(
              actuals.get(i), "argument " + (i + 1) + " of '" + f.name() + "' cannot be UNDEFINED, because '"
                  + p.name() + "' is a var parameter");
          ok = false;
        } else {
          args.set(i, new Expr.Undefined(p.type(), u.location()));
        }
        continue;
      }
      boolean assignable = TypeRules.assignable(p.type(), arg.type());
      TypeRules.ScalarsetClash clash = assignable ? null : TypeRules.scalarsetClash(p.type(), arg.type());
      if (clash != null) {
        l.problems.error(
            actuals.get(i), l.typeRules.scalarsetMixing(
                "passing a value of type " + l.typeRules.describe(arg.type()) + " as argument " + (i + 1) + " of '"
                    + f.name() + "' (parameter '" + p.name() + "' has type " + l.typeRules.describe(p.type()) + ")",
                clash));
        ok = false;
      } else if (!assignable) {
        l.problems.error(
            actuals.get(i), "incompatible types: argument " + (i + 1) + " of '" + f.name() + "' has type "
                + l.typeRules.describe(arg.type()) + " but the parameter '" + p.name() + "' has type "
                + l.typeRules.describe(p.type()));
        ok = false;
      } else if (p.kind() == Local.Kind.VAR_PARAMETER) {
        if (!arg.isLValue() || l.stmts.readOnly(arg)) {
          l.problems.error(
              actuals.get(i), "argument " + (i + 1) + " of '" + f.name() + "' must be a writable variable, because '"
                  + p.name() + "' is a var parameter");
          ok = false;
        } else if (TypeRules.isReal(p.type()) != TypeRules.isReal(arg.type())) {
          l.problems.error(
              actuals.get(i), "argument " + (i + 1) + " of '" + f.name() + "' has type " + l.typeRules.describe(arg.type())
                  + " but var parameter '" + p.name() + "' is real: a var parameter needs a real variable");
          ok = false;
        } else if (p.type() instanceof Type.RangeType && !p.type().equals(arg.type())) {
          l.problems.error(
              actuals.get(i), "range types of argument and var parameter '" + p.name() + "' differ ("
                  + l.typeRules.describe(arg.type()) + " vs " + l.typeRules.describe(p.type()) + ")");
          ok = false;
        }
      }
    }
    return ok ? args : null;
  }

  private Expr quantified(
      boolean universal, io.ballot.dsl.murphi.Quantifier q, io.ballot.dsl.murphi.Expr body, EObject e, Mode mode,
      SourceLocation at) {
    Quantifier quantifier = lowerQuantifier(q, false);
    Expr b = lower(body, mode);
    if (quantifier == null || b == null) {
      return null;
    }
    if (!requireBoolean(b, body, "the body of " + (universal ? "forall" : "exists"))) {
      return null;
    }
    return new Expr.Quantified(universal, quantifier, b, at);
  }

  /**
   * Lowers a quantifier and binds its variable. Ruleset quantifiers ({@code mustBeConstant}) need constant bounds,
   * since they name rule instances.
   */
  Quantifier lowerQuantifier(io.ballot.dsl.murphi.Quantifier q, boolean mustBeConstant) {
    SourceLocation at = l.locations.of(q);
    if (q.getType() != null) {
      Type t = l.types.lower(q.getType(), null);
      if (t == null) {
        return null;
      }
      if (!t.isSimple() || t instanceof Type.RealType) {
        l.problems.error(q.getType(), "a quantifier must range over a simple type, not " + l.typeRules.describe(t)
            + (t instanceof Type.RealType ? " (a real type has too many values to enumerate)" : ""));
        return null;
      }
      Local v = new Local(q.getName(), Local.Kind.QUANTIFIER, t, l.locations.of(q, MurphiPackage.Literals.NAMED__NAME));
      l.bindings.put(q, v);
      return new Quantifier(v, t, null, null, null, at);
    }
    Mode mode = mustBeConstant ? Mode.CONSTANT : Mode.NORMAL;
    Expr from = lower(q.getFrom(), mode);
    Expr to = lower(q.getTo(), mode);
    Expr step = q.getStep() == null ? null : lower(q.getStep(), mode);
    if (from == null || to == null || (q.getStep() != null && step == null)) {
      return null;
    }
    boolean ok = true;
    for (Expr bound : new Expr[] {from, to, step}) {
      if (bound != null && bound.type() instanceof Type.ScalarsetType ss) {
        l.problems.error(
            q, l.typeRules.scalarsetOperator(
                "a loop bounded by scalarset values", ss,
                "have no numeric value or order; loop over the type itself: '" + q.getName() + " : "
                    + l.typeRules.describe(ss) + "'"));
        ok = false;
        break;
      }
      if (bound != null && !TypeRules.isNumeric(bound.type())) {
        l.problems.error(q, "quantifier bounds and step need integer operands");
        ok = false;
        break;
      }
    }
    if (!ok) {
      return null;
    }
    if (mustBeConstant) {
      for (Expr bound : new Expr[] {from, to, step}) {
        if (bound != null && !(bound instanceof Literal)) {
          l.problems.error(q, "ruleset quantifier bound is not a constant: rule instances must be known in advance");
          return null;
        }
      }
    }
    if (step instanceof Literal s && s.value() == 0) {
      l.problems.error(q.getStep(), "loop step is 0: the loop would never end");
      return null;
    }
    Type type = INTEGER;
    if (from instanceof Literal f && to instanceof Literal t) {
      long stepValue = step instanceof Literal s ? s.value() : (step == null ? 1 : 0);
      int order = l.unsignedValues ? Long.compareUnsigned(f.value(), t.value()) : Long.compare(f.value(), t.value());
      if ((order < 0 && stepValue < 0) || (order > 0 && stepValue > 0)) {
        l.problems.error(
            q, "loop step goes the wrong way: from " + f.value() + " to " + t.value() + " by " + stepValue
                + " would never end");
        return null;
      }
      type = new Type.RangeType(order <= 0 ? f.value() : t.value(), order <= 0 ? t.value() : f.value());
    }
    Local v = new Local(q.getName(), Local.Kind.QUANTIFIER, type, l.locations.of(q, MurphiPackage.Literals.NAMED__NAME));
    l.bindings.put(q, v);
    return new Quantifier(v, null, from, to, step, at);
  }

  /** Lowers {@code alias name : value} and binds the name. */
  AliasBinding lowerAlias(AliasDecl a) {
    Expr value = lower(a.getValue(), Mode.NORMAL);
    if (value == null) {
      return null;
    }
    Local local = new Local(a.getName(), Local.Kind.ALIAS, value.type(), l.locations.of(a, MurphiPackage.Literals.NAMED__NAME));
    AliasBinding binding = new AliasBinding(local, value, l.locations.of(a));
    l.bindings.put(a, binding);
    l.aliases.put(local, binding);
    return binding;
  }

  /** Lowers {@code choose i : ms}. */
  Choose lowerChoose(ChooseRule c) {
    MultisetBinding b = bindMultiset(c.getQuantifier(), Mode.NORMAL);
    return b == null ? null : new Choose(b.index(), b.multiset(), l.locations.of(c));
  }

  /** A multiset quantifier {@code i : ms}: the bound index and the multiset. */
  record MultisetBinding(Local index, Expr multiset) {}

  /** Lowers the multiset of {@code i : ms} and binds the index variable; null when invalid (reported). */
  MultisetBinding bindMultiset(MultisetQuantifier q, Mode mode) {
    Expr ms = lower(q.getMultiset(), mode);
    if (ms == null) {
      return null;
    }
    if (!(ms.type() instanceof Type.MultisetType mt)) {
      l.problems.error(q.getMultiset(), "not a multiset (it has type " + l.typeRules.describe(ms.type()) + ")");
      return null;
    }
    if (!ms.isLValue()) {
      l.problems.error(q.getMultiset(), "a multiset operation needs a multiset variable");
      return null;
    }
    Local index =
        new Local(
            q.getName(), Local.Kind.MULTISET_INDEX, new Type.RangeType(0, mt.capacity() - 1),
            l.locations.of(q, MurphiPackage.Literals.NAMED__NAME));
    l.bindings.put(q, index);
    return new MultisetBinding(index, ms);
  }
}
