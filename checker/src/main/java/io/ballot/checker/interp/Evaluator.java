package io.ballot.checker.interp;

import static io.ballot.checker.interp.Storage.convert;
import static io.ballot.checker.interp.Storage.copyOf;
import static io.ballot.checker.interp.Storage.isReal;
import static io.ballot.checker.interp.Storage.isValue;

import io.ballot.checker.interp.Frame.Box;
import io.ballot.checker.interp.Frame.Ref;
import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Function;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Type;
import io.ballot.checker.state.Bits;
import io.ballot.checker.state.RealArithmetic;
import io.ballot.checker.state.RealValues;
import io.ballot.checker.state.StateLayout;
import io.ballot.checker.state.Values;
import io.ballot.checker.ts.ModelError;
import java.util.List;

/**
 * Evaluates IR expressions over a packed state: the value of a simple-typed expression ({@link Values}: reading an
 * undefined value is an error), the storage ({@link Ref}) a designator denotes, and the bindings of quantifiers and
 * aliases. Function calls are run by the statement executor ({@link Calls}).
 */
final class Evaluator {
  /** Runs a called function or procedure: its value (Long or Ref) or null. */
  interface Calls {
    Object call(Function fn, List<Expr> args, Frame caller, SourceLocation at) throws ModelError;
  }

  private final StateLayout layout;
  private final Storage storage;
  private final Calls calls;
  /** Integers are unsigned 64-bit (Rumur's uint64_t value type): {@link IntegerArithmetic}. */
  private final boolean unsigned;

  Evaluator(StateLayout layout, Storage storage, Calls calls) {
    this.layout = layout;
    this.storage = storage;
    this.calls = calls;
    this.unsigned = layout.unsignedValues();
  }

  // ------------------------------------------------------------------------------------------ bindings

  /** Binds a quantifier variable to {@code value} (assignable, as in Rumur). */
  void bindQuantifier(Quantifier q, long value, Frame f) throws ModelError {
    Local v = q.variable();
    if (v.type() instanceof Type.IntType) {
      f.locals.put(v, new Box(value));
    } else {
      Ref r = f.allocate(v);
      storage.store(r, value, v.type(), q.location());
    }
  }

  void bindAlias(AliasBinding b, Frame f) throws ModelError {
    Expr v = b.value();
    f.aliasValues.put(b.alias(), v);
    if (v.isLValue()) {
      f.locals.put(b.alias(), ref(v, f));
    } else if (isValue(v.type())) {
      f.locals.put(b.alias(), new Box(value(v, f)));
    } else {
      f.locals.put(b.alias(), copyOf(ref(v, f)));
    }
  }

  /** Assigns the value of {@code e} to {@code target}. */
  void assign(Ref target, Expr e, Frame f) throws ModelError {
    Type t = target.type();
    if (isValue(t)) {
      storage.store(target, value(e, f), e.type(), e.location());
    } else {
      Ref from = ref(e, f);
      Bits.copy(from.buf(), from.off(), target.buf(), target.off(), t.bitWidth());
    }
  }

  /** Whether designator {@code arg} (a name with storage, or a value held in a Box) holds the undefined value. */
  boolean isUndefinedStorage(Expr arg, Frame f) throws ModelError {
    if (f.isBoxed(arg)) {
      return false;
    }
    Ref r = ref(arg, f);
    return Bits.get(r.buf(), r.off(), r.type().bitWidth()) == 0;
  }

  // ------------------------------------------------------------------------------------------ designators

  /** The storage an l-value (or a complex-typed expression) denotes. */
  Ref ref(Expr e, Frame f) throws ModelError {
    if (e instanceof Expr.VarRef v) {
      return new Ref(f.state, layout.offset(v.variable()), v.variable().type());
    }
    if (e instanceof Expr.LocalRef l) {
      Object b = f.locals.get(l.local());
      if (b instanceof Ref r) {
        return r;
      }
      if (b instanceof Box box) {
        // an assignable unbounded quantifier: give it storage of its own
        throw ModelError.runtime("cannot take the address of unbounded quantifier '" + l.local().name() + "'", e.location());
      }
      throw new IllegalStateException("unbound local " + l.local().name());
    }
    if (e instanceof Expr.FieldRef fr) {
      Ref rec = ref(fr.record(), f);
      Type.RecordType rt = (Type.RecordType) rec.type();
      return new Ref(rec.buf(), rec.off() + StateLayout.fieldOffset(rt, fr.fieldIndex()), fr.type());
    }
    if (e instanceof Expr.ElementRef el) {
      Ref arr = ref(el.array(), f);
      if (arr.type() instanceof Type.MultisetType mt) {
        long slot = value(el.index(), f);
        int at = arr.off() + StateLayout.slotOffset(mt, slot);
        if (Bits.get(arr.buf(), at, 1) == 0) {
          throw ModelError.runtime("multiset element " + slot + " is not present", e.location());
        }
        return new Ref(arr.buf(), at + 1, mt.element());
      }
      Type.ArrayType at = (Type.ArrayType) arr.type();
      long idx = convert(value(el.index(), f), el.index().type(), at.index(), el.index().location());
      long pos = Values.index(at.index(), idx, unsigned);
      if (pos < 0) {
        throw ModelError.runtime(
            "index " + (unsigned ? Long.toUnsignedString(idx) : Long.toString(idx)) + " out of range", el.index().location());
      }
      return new Ref(arr.buf(), arr.off() + (int) (pos * at.element().bitWidth()), at.element());
    }
    if (e instanceof Expr.Call c) {
      Object r = calls.call(c.function(), c.arguments(), f, c.location());
      return (Ref) r;
    }
    if (e instanceof Expr.Ternary t) {
      return truth(t.condition(), f) ? ref(t.then(), f) : ref(t.otherwise(), f);
    }
    throw new IllegalStateException("not a designator: " + e);
  }

  // ------------------------------------------------------------------------------------------ expressions

  boolean truth(Expr e, Frame f) throws ModelError {
    return value(e, f) != 0;
  }

  /** The value of a simple-typed expression. */
  long value(Expr e, Frame f) throws ModelError {
    if (e instanceof Expr.Literal lit) {
      return lit.value();
    }
    if (e instanceof Expr.LocalRef l && f.locals.get(l.local()) instanceof Box box) {
      return box.value;
    }
    if (e instanceof Expr.VarRef || e instanceof Expr.LocalRef || e instanceof Expr.FieldRef
        || e instanceof Expr.ElementRef) {
      Ref r = ref(e, f);
      long raw = Bits.get(r.buf(), r.off(), r.type().bitWidth());
      if (raw == 0) {
        throw ModelError.runtime("read of undefined value in " + ModelError.describe(e), e.location());
      }
      return Values.value(r.type(), raw - 1);
    }
    if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEGATE && isReal(u.type())) {
      return RealValues.bits(-real(u.operand(), f));
    }
    if (e instanceof Expr.MathCall m) {
      double[] args = new double[m.arguments().size()];
      for (int i = 0; i < args.length; i++) {
        args[i] = real(m.arguments().get(i), f);
      }
      return RealValues.bits(m.function().apply(args));
    }
    if (e instanceof Expr.Unary u) {
      long v = value(u.operand(), f);
      return switch (u.op()) {
        case NOT -> v == 0 ? 1 : 0;
        case NEGATE -> {
          if (unsigned) {
            yield -v; // Rumur's negate() on an unsigned value_t wraps
          }
          if (v == Long.MIN_VALUE) {
            throw ModelError.runtime("integer overflow in negation", e.location());
          }
          yield -v;
        }
        case BITWISE_NOT -> ~v;
      };
    }
    if (e instanceof Expr.Binary b) {
      return binary(b, f);
    }
    if (e instanceof Expr.Ternary t) {
      Expr chosen = truth(t.condition(), f) ? t.then() : t.otherwise();
      return isReal(t.type()) ? RealValues.bits(real(chosen, f)) : value(chosen, f);
    }
    if (e instanceof Expr.Quantified q) {
      return quantified(q, f) ? 1 : 0;
    }
    if (e instanceof Expr.Call c) {
      Object r = calls.call(c.function(), c.arguments(), f, c.location());
      return (Long) r;
    }
    if (e instanceof Expr.IsUndefined u) {
      if (f.isBoxed(u.target())) {
        return 0;
      }
      Ref r = ref(u.target(), f);
      return Bits.get(r.buf(), r.off(), r.type().bitWidth()) == 0 ? 1 : 0;
    }
    if (e instanceof Expr.IsMember m) {
      long v = value(m.value(), f);
      Type.UnionType u = (Type.UnionType) m.value().type();
      long offset = Values.memberOffset(u, m.memberType());
      return v >= offset && v < offset + m.memberType().cardinality() ? 1 : 0;
    }
    if (e instanceof Expr.MultisetCount mc) {
      Ref ms = ref(mc.multiset(), f);
      Type.MultisetType mt = (Type.MultisetType) ms.type();
      long count = 0;
      for (long slot = 0; slot < mt.capacity(); slot++) {
        if (Bits.get(ms.buf(), ms.off() + StateLayout.slotOffset(mt, slot), 1) != 0) {
          f.locals.put(mc.index(), new Box(slot));
          if (truth(mc.predicate(), f)) {
            count++;
          }
        }
      }
      return count;
    }
    throw new IllegalStateException("expression " + e);
  }

  /** The value of an integer or real expression as a double (CMurphi converts integers where reals meet them). */
  double real(Expr e, Frame f) throws ModelError {
    long v = value(e, f);
    return isReal(e.type()) ? RealValues.real(v) : (double) v;
  }

  private long binary(Expr.Binary b, Frame f) throws ModelError {
    switch (b.op()) {
      case AND:
        return truth(b.left(), f) && truth(b.right(), f) ? 1 : 0;
      case OR:
        return truth(b.left(), f) || truth(b.right(), f) ? 1 : 0;
      case IMPLIES:
        return !truth(b.left(), f) || truth(b.right(), f) ? 1 : 0;
      case EQ:
      case NEQ: {
        boolean eq = equal(b.left(), b.right(), f);
        return eq == (b.op() == Expr.BinaryOp.EQ) ? 1 : 0;
      }
      default:
        break;
    }
    if (isReal(b.left().type()) || isReal(b.right().type())) {
      double l = real(b.left(), f);
      double r = real(b.right(), f);
      return RealArithmetic.isComparison(b.op())
          ? (RealArithmetic.compare(b.op(), l, r) ? 1 : 0)
          : RealValues.bits(RealArithmetic.arithmetic(b.op(), l, r));
    }
    long l = value(b.left(), f);
    long r = value(b.right(), f);
    return IntegerArithmetic.apply(b.op(), l, r, unsigned, b.location());
  }

  private boolean equal(Expr a, Expr b, Frame f) throws ModelError {
    Type ta = a.type();
    Type tb = b.type();
    if (isReal(ta) || isReal(tb)) {
      return real(a, f) == real(b, f);
    }
    boolean simpleA = ta.isSimple() || ta instanceof Type.IntType;
    if (simpleA) {
      return equalSimple(value(a, f), ta, value(b, f), tb, a.location());
    }
    Ref ra = ref(a, f);
    Ref rb = ref(b, f);
    int w = ta.bitWidth();
    for (int done = 0; done < w; done += 63) {
      int n = Math.min(63, w - done);
      if (Bits.get(ra.buf(), ra.off() + done, n) != Bits.get(rb.buf(), rb.off() + done, n)) {
        return false;
      }
    }
    return true;
  }

  /** Whether two simple values are equal, a union's value compared with its member's converted. */
  static boolean equalSimple(long a, Type ta, long b, Type tb, SourceLocation at) throws ModelError {
    if (ta instanceof Type.UnionType && !(tb instanceof Type.UnionType)) {
      return a == convert(b, tb, ta, at);
    }
    if (tb instanceof Type.UnionType && !(ta instanceof Type.UnionType)) {
      return convert(a, ta, tb, at) == b;
    }
    return a == b;
  }

  private boolean quantified(Expr.Quantified q, Frame f) throws ModelError {
    Quantifier quant = q.quantifier();
    boolean universal = q.universal();
    if (quant.overType()) {
      for (long i = 0; i < quant.type().cardinality(); i++) {
        bindQuantifier(quant, Values.value(quant.type(), i), f);
        if (truth(q.body(), f) != universal) {
          return !universal;
        }
      }
      return universal;
    }
    long from = value(quant.from(), f);
    long to = value(quant.to(), f);
    long step = quant.step() == null ? 1 : value(quant.step(), f);
    if (step == 0) {
      throw ModelError.runtime("infinite loop due to 0 step", quant.location());
    }
    for (long i = from; IntegerArithmetic.inBounds(unsigned, i, to, step); i += step) {
      bindQuantifier(quant, i, f);
      if (truth(q.body(), f) != universal) {
        return !universal;
      }
      if (IntegerArithmetic.lastStep(unsigned, i, step)) {
        break;
      }
    }
    return universal;
  }
}
