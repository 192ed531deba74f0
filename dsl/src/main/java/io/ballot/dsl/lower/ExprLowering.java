package io.ballot.dsl.lower;

import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.ConstantDecl;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Expr.Literal;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Type;
import io.ballot.checker.ir.Variable;
import io.ballot.checker.state.RealValues;
import io.ballot.dsl.murphi.Binary;
import io.ballot.dsl.murphi.BoolLiteral;
import io.ballot.dsl.murphi.Call;
import io.ballot.dsl.murphi.ElementAccess;
import io.ballot.dsl.murphi.Exists;
import io.ballot.dsl.murphi.FieldAccess;
import io.ballot.dsl.murphi.Forall;
import io.ballot.dsl.murphi.IdRef;
import io.ballot.dsl.murphi.IntLiteral;
import io.ballot.dsl.murphi.IsMember;
import io.ballot.dsl.murphi.IsUndefined;
import io.ballot.dsl.murphi.MultisetCount;
import io.ballot.dsl.murphi.Named;
import io.ballot.dsl.murphi.Paren;
import io.ballot.dsl.murphi.ProcDecl;
import io.ballot.dsl.murphi.Ternary;
import io.ballot.dsl.murphi.TypeName;
import io.ballot.dsl.murphi.Unary;
import java.math.BigInteger;
import org.eclipse.emf.ecore.EObject;

/**
 * Lowers and type-checks expressions; folds constant subexpressions to literals. Operators, calls and binders are
 * lowered by the parts this creates ({@link #operators}, {@link #calls}, {@link #binders}).
 */
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

  /** The types of boolean, integer and real results (shared by the parts of expression lowering). */
  static final Type BOOLEAN = new Type.BooleanType();
  static final Type INTEGER = new Type.IntType();
  static final Type REAL = new Type.DoubleType();

  private final LoweringContext cx;
  private final TypeLowering types;
  private final Folding folding;
  private final OperatorLowering operators;
  private final CallLowering calls;
  private final BinderLowering binders;

  /**
   * {@code types} lowers the types of {@code ismember} and of quantifiers, {@code queries} the network queries,
   * {@code readOnly} says which designators a var parameter may not be given.
   */
  ExprLowering(
      LoweringContext cx, TypeLowering types, CallLowering.QueryLowering queries, ReadOnlyTargets readOnly) {
    this.cx = cx;
    this.types = types;
    this.folding = new Folding(cx.problems());
    this.operators = new OperatorLowering(cx, this, folding);
    this.calls = new CallLowering(cx, this, folding, queries, readOnly);
    this.binders = new BinderLowering(cx, this, types);
  }

  /** The lowerer of calls and their arguments (statements' procedure calls use it). */
  CallLowering calls() {
    return calls;
  }

  /** The lowerer of quantifiers, aliases and chooses (rules and statements use it). */
  BinderLowering binders() {
    return binders;
  }

  /** Lowers {@code e}; null when it is invalid (already reported). */
  Expr lower(io.ballot.dsl.murphi.Expr e, Mode mode) {
    if (e == null) {
      return null;
    }
    SourceLocation at = cx.locations().of(e);
    if (e instanceof IntLiteral i) {
      return integerLiteral(i, at);
    }
    if (e instanceof io.ballot.dsl.murphi.RealLiteral r) {
      if (!r.getValue().matches("[0-9]+\\.[0-9]+")) {
        cx.problems().error(r, "invalid real number " + r.getValue() + ": a real is decimal digits '.' digits");
        return null;
      }
      return folding.fold(() -> RealFolding.literal(Double.parseDouble(r.getValue()), at), r, Mode.CONSTANT, null);
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
      return operators.unary(u, mode, at);
    }
    if (e instanceof Binary b) {
      return operators.binary(b, mode, at);
    }
    if (e instanceof Ternary t) {
      return ternary(t, mode, at);
    }
    if (e instanceof Call c) {
      return calls.call(c, mode, at);
    }
    if (e instanceof Forall f) {
      return binders.quantified(true, f.getQuantifier(), f.getBody(), f, mode, at);
    }
    if (e instanceof Exists x) {
      return binders.quantified(false, x.getQuantifier(), x.getBody(), x, mode, at);
    }
    if (e instanceof IsUndefined u) {
      Expr target = lower(u.getTarget(), mode);
      if (target == null) {
        return null;
      }
      if (!target.isLValue()) {
        cx.problems().error(u.getTarget(), "isundefined needs a designator: this is not a variable");
        return null;
      }
      if (!target.type().isSimple()) {
        cx.problems().error(
            u.getTarget(), "isundefined needs a simple type, not " + cx.typeRules().describe(target.type())
                + " (a record or array); test its parts");
        return null;
      }
      return new Expr.IsUndefined(target, at);
    }
    if (e instanceof IsMember m) {
      Expr value = lower(m.getValue(), mode);
      Type t = types.lower(m.getType(), null);
      if (value == null || t == null) {
        return null;
      }
      if (!(value.type() instanceof Type.UnionType u) || u.members().stream().noneMatch(member -> TypeRules.equal(member, t))) {
        cx.problems().error(m, "ismember needs a union value and one of that union's member types");
        return null;
      }
      return new Expr.IsMember(value, t, at);
    }
    if (e instanceof MultisetCount c) {
      BinderLowering.MultisetBinding b = binders.bindMultiset(c.getQuantifier(), mode);
      if (b == null) {
        return null;
      }
      Expr pred = lower(c.getPredicate(), Mode.PURE);
      if (!requireBoolean(pred, c.getPredicate(), "the multisetcount predicate")) {
        return null;
      }
      return pred == null ? null : new Expr.MultisetCount(b.index(), b.multiset(), pred, at);
    }
    cx.problems().error(e, "unsupported expression");
    return null;
  }

  /** Reports a non-boolean condition; answers whether {@code e} is boolean (true for null: already reported). */
  boolean requireBoolean(Expr e, EObject at, String message) {
    if (e != null && !TypeRules.isBoolean(e.type())) {
      cx.problems().error(at, message + " must be boolean (it has type " + cx.typeRules().describe(e.type()) + ")");
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
        cx.problems().error(i, "invalid number " + text + ": a leading 0 makes it octal, which has digits 0-7 only");
        return null;
      }
      v = new BigInteger(text.substring(1), 8); // Rumur reads a leading 0 as octal, like C
    } else {
      v = new BigInteger(text);
    }
    if (v.compareTo(UnsignedValues.MAX) > 0) {
      cx.problems().error(i, "integer literal " + text + " is too large (the limit is " + UnsignedValues.MAX
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
      cx.problems().error(ref, "'" + target.getName() + "' is a type, not a value");
      return null;
    }
    if (target instanceof ProcDecl) {
      cx.problems().error(ref, "'" + target.getName() + "' is a function; call it with parentheses");
      return null;
    }
    if (target instanceof io.ballot.dsl.murphi.NetworkDecl) {
      cx.problems().error(ref, "'" + target.getName() + "' is a network: use it with send, broadcast and receive");
      return null;
    }
    Object bound = cx.bindings().get(target);
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
      cx.problems().error(f.getRecord(), "left side of '.' is not a record (it has type " + cx.typeRules().describe(record.type()) + ")");
      return null;
    }
    String name = f.getField().getName();
    int index = rt.indexOf(name);
    if (index < 0) {
      cx.problems().error(f, "no field named '" + name + "' in record");
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
        cx.problems().error(
            a.getIndex(),
            clash != null
                ? cx.typeRules().scalarsetMixing(
                    "indexing an array over " + cx.typeRules().describe(at2.index()) + " with a value of type "
                        + cx.typeRules().describe(index.type()), clash)
                : "incompatible types: array index has type " + cx.typeRules().describe(index.type())
                    + " but the array is indexed by " + cx.typeRules().describe(at2.index()));
        return null;
      }
      return new Expr.ElementRef(array, index, at2.element(), at);
    }
    if (array.type() instanceof Type.MultisetType mt) {
      if (!(index instanceof Expr.LocalRef lr && lr.local().kind() == Local.Kind.MULTISET_INDEX)) {
        cx.problems().error(a.getIndex(), "a multiset can only be indexed by a choose or multiset quantifier index");
        return null;
      }
      return new Expr.ElementRef(array, index, mt.element(), at);
    }
    cx.problems().error(a.getArray(), "indexing something that is not an array (it has type " + cx.typeRules().describe(array.type()) + ")");
    return null;
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
      cx.problems().error(
          t, cx.typeRules().scalarsetMixing(
              "mixing types " + cx.typeRules().describe(then.type()) + " and " + cx.typeRules().describe(otherwise.type())
                  + " in the branches of '?:'", clash));
      return null;
    }
    if (!TypeRules.comparable(then.type(), otherwise.type())) {
      // Rumur does not check the branches against each other: the result has the type of the 'then' branch.
      cx.problems().warning(
          t, "the branches of '?:' have different types (" + cx.typeRules().describe(then.type()) + " and "
              + cx.typeRules().describe(otherwise.type()) + "); the result has the first one's type");
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
}
