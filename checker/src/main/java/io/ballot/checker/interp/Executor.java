package io.ballot.checker.interp;

import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Function;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Stmt;
import io.ballot.checker.ir.Type;
import io.ballot.checker.ir.UndefinedCopies;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.state.Bits;
import io.ballot.checker.state.RealArithmetic;
import io.ballot.checker.state.RealValues;
import io.ballot.checker.state.StateLayout;
import io.ballot.checker.state.StoredValues;
import io.ballot.checker.state.Unsigned;
import io.ballot.checker.state.Values;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.ModelError;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes IR statements and evaluates expressions over a packed state, with Rumur's semantics: reading an
 * undefined value, storing a value outside its type, integer overflow, division by zero and an index out of range
 * are errors. Simple values are numbers ({@link Values}); records, arrays and multisets are handled through
 * {@link Ref}s into the state or into a frame's own buffer.
 */
final class Executor {
  private final StateLayout layout;
  private final Map<Stmt.PropertyStmt, Integer> coverSites;
  /** Integers are unsigned 64-bit (Rumur's uint64_t value type): {@link UnsignedArithmetic}. */
  private final boolean unsigned;

  Executor(StateLayout layout, Map<Stmt.PropertyStmt, Integer> coverSites) {
    this.layout = layout;
    this.coverSites = coverSites;
    this.unsigned = layout.unsignedValues();
  }

  /** A place that holds a value: a bit-field of a buffer (the state or a frame's locals). */
  record Ref(long[] buf, int off, Type type) {}

  /** A one-value holder for unbounded integer quantifiers, which have no stored form. */
  static final class Box {
    long value;

    Box(long value) {
      this.value = value;
    }
  }

  /**
   * Signals that an {@code assume} failed (possibly inside a function called from an expression): the state being
   * computed is dropped. Unchecked so that it passes through expression evaluation.
   */
  static final class AssumptionFailed extends RuntimeException {
    AssumptionFailed() {
      super(null, null, false, false);
    }
  }

  /** The bindings of one activation: locals to Ref, Box or (aliases of values) a constant Long or a Ref. */
  static final class Frame {
    final long[] state;
    final Effects fx;
    final Map<Local, Object> locals = new IdentityHashMap<>();
    /** The expression each alias bound in this activation denotes (for {@link UndefinedCopies}). */
    final Map<Local, Expr> aliasValues = new IdentityHashMap<>();
    Object returned;
    /** The type the function being run returns (a real result is rounded to it), or null. */
    Type returnType;

    Frame(long[] state, Effects fx) {
      this.state = state;
      this.fx = fx;
    }

    /** Gives {@code local} its own zeroed (undefined) storage. */
    Ref allocate(Local local) {
      Type t = local.type();
      int bits = t instanceof Type.IntType ? 64 : t.bitWidth();
      Ref r = new Ref(new long[Math.max(1, (bits + 63) >>> 6)], 0, t);
      locals.put(local, r);
      return r;
    }
  }

  // ------------------------------------------------------------------------------------------ statements

  /** Runs a body; true when it executed {@code return}. */
  boolean run(List<Stmt> body, Frame f) throws ModelError {
    for (Stmt s : body) {
      if (exec(s, f)) {
        return true;
      }
    }
    return false;
  }

  private boolean exec(Stmt s, Frame f) throws ModelError {
    if (s instanceof Stmt.Assign a) {
      Ref target = ref(a.target(), f);
      if (UndefinedCopies.copies(a.value(), f.aliasValues::get) && isUndefinedStorage(a.value(), f)) {
        Bits.clear(target.buf(), target.off(), width(target.type())); // CMurphi: the copy is undefined too
      } else {
        assign(target, a.value(), f);
      }
    } else if (s instanceof Stmt.If i) {
      for (Stmt.IfClause c : i.clauses()) {
        if (c.condition() == null || truth(c.condition(), f)) {
          return run(c.body(), f);
        }
      }
    } else if (s instanceof Stmt.Switch sw) {
      return switchStmt(sw, f);
    } else if (s instanceof Stmt.For loop) {
      return forLoop(loop, f);
    } else if (s instanceof Stmt.While w) {
      while (truth(w.condition(), f)) {
        if (run(w.body(), f)) {
          return true;
        }
      }
    } else if (s instanceof Stmt.Return r) {
      if (r.value() != null) {
        if (f.returnType instanceof Type.RealType rt) {
          f.returned = RealValues.bits(RealValues.value(rt, realIndex(rt, real(r.value(), f), r.location())));
        } else {
          f.returned = isValue(r.value().type()) ? (Object) value(r.value(), f) : copyOf(ref(r.value(), f));
        }
      }
      return true;
    } else if (s instanceof Stmt.Clear c) {
      Ref r = ref(c.target(), f);
      StoredValues.clear(r.buf(), r.off(), r.type());
    } else if (s instanceof Stmt.Undefine u) {
      Ref r = ref(u.target(), f);
      Bits.clear(r.buf(), r.off(), width(r.type()));
    } else if (s instanceof Stmt.Put p) {
      if (p.text() != null) {
        f.fx.put(p.text().replace("\\n", "\n").replace("\\t", "\t").replace("\\\"", "\"").replace("\\\\", "\\"));
      } else if (p.value().isLValue() && !(p.value() instanceof Expr.LocalRef l && f.locals.get(l.local()) instanceof Box)) {
        Ref r = ref(p.value(), f);
        f.fx.put(StoredValues.render(r.buf(), r.off(), r.type(), unsigned));
      } else if (isValue(p.value().type())) {
        f.fx.put(Values.text(p.value().type(), value(p.value(), f), unsigned));
      } else {
        f.fx.put(p.value().toString());
      }
    } else if (s instanceof Stmt.Error e) {
      throw new ModelError(ViolationKind.ASSERTION, e.message(), "error \"" + e.message() + "\"", e.location());
    } else if (s instanceof Stmt.PropertyStmt p) {
      propertyStmt(p, f);
    } else if (s instanceof Stmt.Alias a) {
      for (AliasBinding b : a.bindings()) {
        bindAlias(b, f);
      }
      return run(a.body(), f);
    } else if (s instanceof Stmt.ProcCall c) {
      call(c.function(), c.arguments(), f, c.location());
    } else if (s instanceof Stmt.MultisetAdd m) {
      multisetAdd(m, f);
    } else if (s instanceof Stmt.MultisetRemove m) {
      Ref ms = ref(m.multiset(), f);
      long slot = value(m.index(), f);
      Type.MultisetType mt = (Type.MultisetType) ms.type();
      if (slot >= 0 && slot < mt.capacity()) {
        int at = ms.off() + StateLayout.slotOffset(mt, slot);
        Bits.clear(ms.buf(), at, 1 + mt.element().bitWidth());
      }
    } else if (s instanceof Stmt.MultisetRemovePred m) {
      Ref ms = ref(m.multiset(), f);
      Type.MultisetType mt = (Type.MultisetType) ms.type();
      for (long slot = 0; slot < mt.capacity(); slot++) {
        int at = ms.off() + StateLayout.slotOffset(mt, slot);
        if (Bits.get(ms.buf(), at, 1) != 0) {
          f.locals.put(m.index(), new Box(slot));
          if (truth(m.predicate(), f)) {
            Bits.clear(ms.buf(), at, 1 + mt.element().bitWidth());
          }
        }
      }
    } else {
      throw new IllegalStateException("statement " + s);
    }
    return false;
  }

  private void propertyStmt(Stmt.PropertyStmt p, Frame f) throws ModelError {
    boolean holds = truth(p.condition(), f);
    switch (p.kind()) {
      case ASSERTION -> {
        if (!holds) {
          String name = p.name() != null ? p.name() : "assertion";
          throw new ModelError(ViolationKind.ASSERTION, name, "assertion \"" + name + "\" failed", p.location());
        }
      }
      case ASSUMPTION -> {
        if (!holds) {
          throw new AssumptionFailed();
        }
      }
      case COVER -> {
        if (holds) {
          f.fx.cover(coverSites.get(p));
        }
      }
      case LIVENESS -> throw new IllegalStateException("liveness statements are rejected by the front end");
    }
  }

  private boolean switchStmt(Stmt.Switch sw, Frame f) throws ModelError {
    Type t = sw.value().type();
    long v = value(sw.value(), f);
    for (Stmt.SwitchCase c : sw.cases()) {
      if (c.labels().isEmpty()) {
        return run(c.body(), f);
      }
      for (Expr label : c.labels()) {
        if (equalSimple(v, t, value(label, f), label.type(), label.location())) {
          return run(c.body(), f);
        }
      }
    }
    return false;
  }

  private boolean forLoop(Stmt.For loop, Frame f) throws ModelError {
    Quantifier q = loop.quantifier();
    if (q.overType()) {
      for (long i = 0; i < q.type().cardinality(); i++) {
        bindQuantifier(q, Values.value(q.type(), i), f);
        if (run(loop.body(), f)) {
          return true;
        }
      }
      return false;
    }
    long from = value(q.from(), f);
    long to = value(q.to(), f);
    long step = q.step() == null ? 1 : value(q.step(), f);
    if (step == 0) {
      throw ModelError.runtime("infinite loop due to 0 step", q.location());
    }
    for (long i = from; inBounds(i, to, step); i += step) {
      bindQuantifier(q, i, f);
      if (run(loop.body(), f)) {
        return true;
      }
      if (lastStep(i, step)) {
        break;
      }
    }
    return false;
  }

  /** Whether a loop counter {@code i} has not passed {@code to} (a step is never negative when unsigned). */
  private boolean inBounds(long i, long to, long step) {
    if (unsigned) {
      return Long.compareUnsigned(i, to) <= 0;
    }
    return step > 0 ? i <= to : i >= to;
  }

  /** Whether stepping past counter {@code i} would overflow: the loop ends there. */
  private boolean lastStep(long i, long step) {
    if (unsigned) {
      return Long.compareUnsigned(i, -1L - step) > 0;
    }
    return step > 0 ? i > Long.MAX_VALUE - step : i < Long.MIN_VALUE - step;
  }

  /** Binds a quantifier variable to {@code value} (assignable, as in Rumur). */
  void bindQuantifier(Quantifier q, long value, Frame f) throws ModelError {
    Local v = q.variable();
    if (v.type() instanceof Type.IntType) {
      f.locals.put(v, new Box(value));
    } else {
      Ref r = f.allocate(v);
      store(r, value, v.type(), q.location());
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

  private void multisetAdd(Stmt.MultisetAdd m, Frame f) throws ModelError {
    Ref ms = ref(m.multiset(), f);
    Type.MultisetType mt = (Type.MultisetType) ms.type();
    for (long slot = 0; slot < mt.capacity(); slot++) {
      int at = ms.off() + StateLayout.slotOffset(mt, slot);
      if (Bits.get(ms.buf(), at, 1) == 0) {
        Bits.set(ms.buf(), at, 1, 1);
        assign(new Ref(ms.buf(), at + 1, mt.element()), m.element(), f);
        return;
      }
    }
    throw ModelError.runtime("multiset is full: no room to add an element", m.location());
  }

  // ------------------------------------------------------------------------------------------ storage

  /** Assigns the value of {@code e} to {@code target}. */
  void assign(Ref target, Expr e, Frame f) throws ModelError {
    Type t = target.type();
    if (isValue(t)) {
      store(target, value(e, f), e.type(), e.location());
    } else {
      Ref from = ref(e, f);
      Bits.copy(from.buf(), from.off(), target.buf(), target.off(), t.bitWidth());
    }
  }

  /** Stores a simple value of type {@code from} into {@code target}, converting and range-checking it. */
  void store(Ref target, long value, Type from, SourceLocation at) throws ModelError {
    Type t = target.type();
    if (t instanceof Type.IntType) {
      throw new IllegalStateException("unbounded integers have no stored form");
    }
    if (t instanceof Type.RealType rt) {
      double d = isReal(from) ? RealValues.real(value) : (double) value;
      Bits.set(target.buf(), target.off(), t.bitWidth(), realIndex(rt, d, at) + 1);
      return;
    }
    long v = convert(value, from, t, at);
    long index = Values.index(t, v, unsigned);
    if (index == -1) { // an unsigned model's index can exceed Long.MAX_VALUE
      String text = unsigned ? Long.toUnsignedString(v) : Long.toString(v);
      throw ModelError.runtime("value " + text + " out of range for " + describe(t), at);
    }
    Bits.set(target.buf(), target.off(), t.bitWidth(), index + 1);
  }

  /** The number of {@code d} rounded to a real type; NaN, infinities and too large exponents are errors. */
  private static long realIndex(Type.RealType t, double d, SourceLocation at) throws ModelError {
    try {
      return RealValues.index(t, d);
    } catch (RealValues.OutOfBounds e) {
      throw ModelError.runtime(e.getMessage(), at);
    }
  }

  /** Whether values of type {@code t} are numbers (simple, unbounded integer or real) rather than storage. */
  static boolean isValue(Type t) {
    return t.isSimple() || t instanceof Type.IntType || t instanceof Type.DoubleType;
  }

  private static boolean isReal(Type t) {
    return t instanceof Type.RealType || t instanceof Type.DoubleType;
  }

  /** The value of an integer or real expression as a double (CMurphi converts integers where reals meet them). */
  private double real(Expr e, Frame f) throws ModelError {
    long v = value(e, f);
    return isReal(e.type()) ? RealValues.real(v) : (double) v;
  }

  /** Converts a simple value between a union and one of its members (identity otherwise). */
  static long convert(long value, Type from, Type to, SourceLocation at) throws ModelError {
    if (to instanceof Type.UnionType u && !(from instanceof Type.UnionType)) {
      long offset = Values.memberOffset(u, from);
      return offset < 0 ? value : offset + value;
    }
    if (from instanceof Type.UnionType u && !(to instanceof Type.UnionType)) {
      long offset = Values.memberOffset(u, to);
      if (offset < 0) {
        return value;
      }
      long inner = value - offset;
      if (inner < 0 || inner >= to.cardinality()) {
        throw ModelError.runtime("union value is not a " + to.getClass().getSimpleName(), at);
      }
      return inner;
    }
    return value;
  }

  private String describe(Type t) {
    return t instanceof Type.RangeType r
        ? Values.text(r, r.lo(), unsigned) + ".." + Values.text(r, r.hi(), unsigned)
        : t.getClass().getSimpleName();
  }

  static int width(Type t) {
    return t instanceof Type.IntType ? 64 : t.bitWidth();
  }

  private static Ref copyOf(Ref r) {
    int w = r.type().bitWidth();
    long[] buf = new long[Math.max(1, (w + 63) >>> 6)];
    Bits.copy(r.buf(), r.off(), buf, 0, w);
    return new Ref(buf, 0, r.type());
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
      Object r = call(c.function(), c.arguments(), f, c.location());
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
      Object r = call(c.function(), c.arguments(), f, c.location());
      return (Long) r;
    }
    if (e instanceof Expr.IsUndefined u) {
      if (u.target() instanceof Expr.LocalRef l && f.locals.get(l.local()) instanceof Box) {
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
    SourceLocation at = b.location();
    if (unsigned) {
      return unsignedBinary(b.op(), l, r, at);
    }
    try {
      return switch (b.op()) {
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
        default -> throw new IllegalStateException("operator " + b.op());
      };
    } catch (ArithmeticException overflow) {
      throw ModelError.runtime("integer overflow in " + b.op().symbol, at);
    }
  }

  /** {@link #binary} on unsigned 64-bit values, as Rumur's uint64_t value type computes them. */
  private static long unsignedBinary(Expr.BinaryOp op, long l, long r, SourceLocation at) throws ModelError {
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

  private static boolean equalSimple(long a, Type ta, long b, Type tb, SourceLocation at) throws ModelError {
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
    for (long i = from; inBounds(i, to, step); i += step) {
      bindQuantifier(quant, i, f);
      if (truth(q.body(), f) != universal) {
        return !universal;
      }
      if (lastStep(i, step)) {
        break;
      }
    }
    return universal;
  }

  // ------------------------------------------------------------------------------------------ calls

  /** Calls a function or procedure; returns its value (Long or Ref) or null. */
  Object call(Function fn, List<Expr> args, Frame caller, SourceLocation at) throws ModelError {
    Frame callee = new Frame(caller.state, caller.fx);
    callee.returnType = fn.returnType();
    for (int i = 0; i < args.size(); i++) {
      Local p = fn.parameters().get(i);
      Expr arg = args.get(i);
      if (arg instanceof Expr.Undefined) {
        callee.allocate(p); // CMurphi's UNDEFINED: the parameter starts undefined
      } else if (p.kind() == Local.Kind.VAR_PARAMETER) {
        callee.locals.put(p, ref(arg, caller));
      } else {
        Ref slot = callee.allocate(p);
        if (p.type().isSimple()) {
          if (isUndefinedDesignator(arg, caller)) {
            continue; // an undefined argument stays undefined in the parameter
          }
          store(slot, value(arg, caller), arg.type(), arg.location());
        } else {
          Ref from = ref(arg, caller);
          Bits.copy(from.buf(), from.off(), slot.buf(), 0, p.type().bitWidth());
        }
      }
    }
    for (Local l : fn.locals()) {
      callee.allocate(l);
    }
    run(fn.body(), callee);
    if (!fn.isProcedure() && callee.returned == null) {
      throw ModelError.runtime("the end of function " + fn.name() + " was reached without returning a value", at);
    }
    return callee.returned;
  }

  private boolean isUndefinedDesignator(Expr arg, Frame f) throws ModelError {
    return arg.isLValue() && isUndefinedStorage(arg, f);
  }

  /** Whether designator {@code arg} (a name with storage, or a value held in a Box) holds the undefined value. */
  private boolean isUndefinedStorage(Expr arg, Frame f) throws ModelError {
    if (arg instanceof Expr.LocalRef l && f.locals.get(l.local()) instanceof Box) {
      return false;
    }
    Ref r = ref(arg, f);
    return Bits.get(r.buf(), r.off(), r.type().bitWidth()) == 0;
  }
}
