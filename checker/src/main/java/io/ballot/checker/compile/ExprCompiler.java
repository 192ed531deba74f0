package io.ballot.checker.compile;

import io.ballot.checker.compile.Binding.Store;
import io.ballot.checker.compile.Binding.Val;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Function;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Type;
import io.ballot.checker.state.Values;
import io.ballot.checker.ts.ModelError;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expressions as Java expressions with the interpreter's evaluation order: constants folded, operands spilled into
 * temporaries when a later operand needs statements ({@link #needs}), quantifiers and multiset counts as loops,
 * calls of Murphi functions with their arguments passed by value or by reference.
 */
final class ExprCompiler extends MethodPart {
  private final Map<Expr, Boolean> needsCache = new IdentityHashMap<>();
  ExprCompiler(MethodCompiler m) {
    super(m);
  }

  boolean needs(Expr e) {
    if (e == null) {
      return false;
    }
    Boolean v = needsCache.get(e);
    if (v == null) {
      v = computeNeeds(e);
      needsCache.put(e, v);
    }
    return v;
  }

  private boolean computeNeeds(Expr e) {
    if (e instanceof Expr.Quantified || e instanceof Expr.MultisetCount) {
      return true;
    }
    if (e instanceof Expr.MathCall m) {
      return m.arguments().stream().anyMatch(this::needs);
    }
    if (e instanceof Expr.Ternary t) {
      return !TypeFacts.isValue(t.type()) || TypeFacts.isReal(t.type()) || needs(t.condition()) || needs(t.then()) || needs(t.otherwise());
    }
    if (e instanceof Expr.Call c) {
      if (!TypeFacts.isValue(c.function().returnType())) {
        return true;
      }
      for (Expr a : c.arguments()) {
        if (needs(a)) {
          return true;
        }
      }
      return false;
    }
    if (e instanceof Expr.FieldRef f) {
      return needs(f.record());
    }
    if (e instanceof Expr.ElementRef el) {
      return needs(el.array()) || needs(el.index());
    }
    if (e instanceof Expr.Unary u) {
      return needs(u.operand());
    }
    if (e instanceof Expr.Binary bin) {
      return needs(bin.left()) || needs(bin.right());
    }
    if (e instanceof Expr.IsUndefined u) {
      return needs(u.target());
    }
    if (e instanceof Expr.IsMember m) {
      return needs(m.value());
    }
    return false;
  }

  // -------------------------------------------------------------------------------------- expressions

  JE compile(Expr e) {
    if (e instanceof Expr.Literal lit) {
      return JE.constant(lit.value());
    }
    if (e instanceof Expr.LocalRef l) {
      Binding bd = st.binding(l.local());
      if (bd instanceof Val v) {
        return new JE(v.code(), false, v.cst(), v.range());
      }
      return m.places.read(((Store) bd).ref(), ModelError.describe(e), e.location());
    }
    if (e instanceof Expr.VarRef || e instanceof Expr.FieldRef || e instanceof Expr.ElementRef) {
      return m.places.read(m.places.ref(e), ModelError.describe(e), e.location());
    }
    if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEGATE && TypeFacts.isReal(u.type())) {
      return JE.value("rb(-" + real(compile(u.operand()), u.operand().type()) + ")");
    }
    if (e instanceof Expr.MathCall m) {
      return mathCall(m);
    }
    if (e instanceof Expr.Ternary t && TypeFacts.isReal(t.type())) {
      JE c = compile(t.condition());
      String r = st.tmp("t");
      st.line("long " + r + ";");
      st.open("if (" + c.asBool() + ")");
      st.line(r + " = " + m.places.convert(compile(t.then()), t.then().type(), t.type(), t.location()).asLong() + ";");
      st.closeOpen("else");
      st.line(r + " = " + m.places.convert(compile(t.otherwise()), t.otherwise().type(), t.type(), t.location()).asLong() + ";");
      st.close();
      return JE.value(r);
    }
    if (e instanceof Expr.Unary u) {
      JE v = compile(u.operand());
      switch (u.op()) {
        case NOT:
          if (v.isConst()) {
            return JE.truth(v.cst() == 0);
          }
          return JE.bool("not(" + v.asBool() + ")");
        case NEGATE:
          if (cx.unsigned) {
            return JE.value("(-" + v.asLong() + ")"); // Rumur's negate() on an unsigned value_t wraps
          }
          if (v.isConst() && v.cst() != Long.MIN_VALUE) {
            return JE.constant(-v.cst());
          }
          return JE.value("neg(" + v.asLong() + ", " + cx.sites.runtime("integer overflow in negation", e.location()) + ")");
        default:
          if (v.isConst()) {
            return JE.constant(~v.cst());
          }
          return JE.value("(~" + v.asLong() + ")");
      }
    }
    if (e instanceof Expr.Binary bin) {
      return binary(bin);
    }
    if (e instanceof Expr.Ternary t) {
      JE c = compile(t.condition());
      if (c.isConst()) {
        return compile(c.cst() != 0 ? t.then() : t.otherwise());
      }
      if (!needs(t.then()) && !needs(t.otherwise())) {
        JE x = compile(t.then());
        JE y = compile(t.otherwise());
        if (x.bool() && y.bool()) {
          return JE.bool("(" + c.asBool() + " ? " + x.code() + " : " + y.code() + ")");
        }
        return JE.value("(" + c.asBool() + " ? " + x.asLong() + " : " + y.asLong() + ")");
      }
      String r = st.tmp("t");
      st.line("long " + r + ";");
      st.open("if (" + c.asBool() + ")");
      st.line(r + " = " + compile(t.then()).asLong() + ";");
      st.closeOpen("else");
      st.line(r + " = " + compile(t.otherwise()).asLong() + ";");
      st.close();
      return JE.value(r);
    }
    if (e instanceof Expr.Quantified q) {
      String c = st.tmp("c");
      boolean universal = q.universal();
      st.line("boolean " + c + " = " + universal + ";");
      m.binders.loop(q.quantifier(), () -> {
        JE body = compile(q.body());
        st.line("if (" + (universal ? "!" + JavaText.paren(body.asBool()) : body.asBool()) + ") { " + c + " = " + !universal
            + "; break; }");
      });
      return JE.bool(c);
    }
    if (e instanceof Expr.Call c) {
      if (!TypeFacts.isValue(c.function().returnType())) {
        throw new Unsupported("value of a function returning a complex type");
      }
      return JE.value(call(c.function(), c.arguments(), c.location()));
    }
    if (e instanceof Expr.IsUndefined u) {
      if (u.target() instanceof Expr.LocalRef l && st.binding(l.local()) instanceof Val) {
        return JE.truth(false);
      }
      CRef r = m.places.ref(u.target());
      return JE.bool("(" + m.places.raw(r) + " == 0L)");
    }
    if (e instanceof Expr.IsMember m) {
      JE v = compile(m.value());
      Type.UnionType u = (Type.UnionType) m.value().type();
      long off = Values.memberOffset(u, m.memberType());
      long hi = off + m.memberType().cardinality() - 1;
      if (v.isConst()) {
        return JE.truth(v.cst() >= off && v.cst() <= hi);
      }
      return JE.bool("in(" + v.asLong() + ", " + JavaText.lit(off) + ", " + JavaText.lit(hi) + ")");
    }
    if (e instanceof Expr.MultisetCount mc) {
      CRef ms = st.materialize(m.places.ref(mc.multiset()));
      Type.MultisetType mt = (Type.MultisetType) ms.type();
      int stride = 1 + mt.element().bitWidth();
      String n = st.tmp("t");
      String slot = st.tmp("i");
      st.line("long " + n + " = 0L;");
      st.open("for (long " + slot + " = 0L; " + slot + " < " + JavaText.lit(mt.capacity()) + "; " + slot + "++)");
      st.open("if (get(" + ms.buf() + ", " + ms.offCode() + " + (int) " + slot + " * " + stride + ", 1) != 0L)");
      st.env.put(mc.index(), new Val(slot, null, true, mc.index().type()));
      JE p = compile(mc.predicate());
      st.line("if (" + p.asBool() + ") " + n + "++;");
      st.close();
      st.close();
      st.env.remove(mc.index());
      return JE.value(n);
    }
    throw new Unsupported("expression " + e.getClass().getSimpleName());
  }

  private JE binary(Expr.Binary bin) {
    switch (bin.op()) {
      case AND:
        return shortCircuit(bin.left(), bin.right(), true, false);
      case OR:
        return shortCircuit(bin.left(), bin.right(), false, false);
      case IMPLIES:
        return shortCircuit(bin.left(), bin.right(), false, true);
      case EQ:
      case NEQ:
        return equality(bin.left(), bin.right(), bin.op() == Expr.BinaryOp.EQ);
      default:
        break;
    }
    JE l = compile(bin.left());
    if (needs(bin.right())) {
      l = st.spill(l);
    }
    JE r = compile(bin.right());
    if (TypeFacts.isReal(bin.left().type()) || TypeFacts.isReal(bin.right().type())) {
      return realBinary(bin.op(), real(l, bin.left().type()), real(r, bin.right().type()));
    }
    String a = l.asLong();
    String c = r.asLong();
    if (cx.unsigned) {
      return unsignedBinary(bin, a, c);
    }
    boolean k = l.isConst() && r.isConst();
    long x = k ? l.cst() : 0;
    long y = k ? r.cst() : 0;
    SourceLocation at = bin.location();
    switch (bin.op()) {
      case LT:
        return k ? JE.truth(x < y) : JE.bool("lt(" + a + ", " + c + ")");
      case LE:
        return k ? JE.truth(x <= y) : JE.bool("le(" + a + ", " + c + ")");
      case GT:
        return k ? JE.truth(x > y) : JE.bool("gt(" + a + ", " + c + ")");
      case GE:
        return k ? JE.truth(x >= y) : JE.bool("ge(" + a + ", " + c + ")");
      case ADD:
        if (k) {
          try {
            return JE.constant(Math.addExact(x, y));
          } catch (ArithmeticException overflow) {
            // fall through to the run-time error
          }
        }
        return JE.value("add(" + a + ", " + c + ", " + cx.sites.runtime("integer overflow in +", at) + ")");
      case SUB:
        if (k) {
          try {
            return JE.constant(Math.subtractExact(x, y));
          } catch (ArithmeticException overflow) {
            // run-time error
          }
        }
        return JE.value("sub(" + a + ", " + c + ", " + cx.sites.runtime("integer overflow in -", at) + ")");
      case MUL:
        if (k) {
          try {
            return JE.constant(Math.multiplyExact(x, y));
          } catch (ArithmeticException overflow) {
            // run-time error
          }
        }
        return JE.value("mul(" + a + ", " + c + ", " + cx.sites.runtime("integer overflow in *", at) + ")");
      case DIV:
        if (k && y != 0 && !(x == Long.MIN_VALUE && y == -1)) {
          return JE.constant(x / y);
        }
        return JE.value("div(" + a + ", " + c + ", " + cx.sites.runtime("division by zero", at) + ", "
            + cx.sites.runtime("integer overflow in /", at) + ")");
      case MOD:
        if (k && y != 0) {
          return JE.constant(x % y);
        }
        return JE.value("mod(" + a + ", " + c + ", " + cx.sites.runtime("modulo by zero", at) + ")");
      case LSH:
        return k ? JE.constant(CompiledModel.shl(x, y)) : JE.value("shl(" + a + ", " + c + ")");
      case RSH:
        return k ? JE.constant(CompiledModel.shr(x, y)) : JE.value("shr(" + a + ", " + c + ")");
      case BITWISE_AND:
        return k ? JE.constant(x & y) : JE.value("(" + a + " & " + c + ")");
      case BITWISE_OR:
        return k ? JE.constant(x | y) : JE.value("(" + a + " | " + c + ")");
      case XOR:
        return k ? JE.constant(x ^ y) : JE.value("(" + a + " ^ " + c + ")");
      default:
        throw new Unsupported("operator " + bin.op());
    }
  }

  /** A Java double expression for the integer or real value {@code v} of type {@code t}. */
  private String real(JE v, Type t) {
    return TypeFacts.isReal(t) ? "rv(" + v.asLong() + ")" : "((double) " + v.asLong() + ")";
  }

  /** An operator with a real operand ({@code l}, {@code r}: Java doubles), as C computes it on doubles. */
  private JE realBinary(Expr.BinaryOp op, String l, String r) {
    return switch (op) {
      case ADD -> JE.value("rb(" + l + " + " + r + ")");
      case SUB -> JE.value("rb(" + l + " - " + r + ")");
      case MUL -> JE.value("rb(" + l + " * " + r + ")");
      case DIV -> JE.value("rb(" + l + " / " + r + ")");
      case EQ -> JE.bool("(" + l + " == " + r + ")");
      case NEQ -> JE.bool("(" + l + " != " + r + ")");
      case LT -> JE.bool("(" + l + " < " + r + ")");
      case LE -> JE.bool("(" + l + " <= " + r + ")");
      case GT -> JE.bool("(" + l + " > " + r + ")");
      case GE -> JE.bool("(" + l + " >= " + r + ")");
      default -> throw new Unsupported("operator " + op + " on reals");
    };
  }

  /** A CMurphi math function: Java's {@link Math} (C's library), arguments evaluated in order. */
  private JE mathCall(Expr.MathCall m) {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < m.arguments().size(); i++) {
      Expr a = m.arguments().get(i);
      JE v = compile(a);
      boolean later = false;
      for (int j = i + 1; j < m.arguments().size(); j++) {
        later |= needs(m.arguments().get(j));
      }
      args.add(real(later ? st.spill(v) : v, a.type()));
    }
    String call = switch (m.function()) {
      case FMOD -> "(" + args.get(0) + " % " + args.get(1) + ")";
      case FABS -> "Math.abs(" + args.get(0) + ")";
      default -> "Math." + m.function().murphiName() + "(" + String.join(", ", args) + ")";
    };
    return JE.value("rb(" + call + ")");
  }

  /** An arithmetic or comparison operator on unsigned 64-bit values: the {@code *u} helpers, never folded. */
  private JE unsignedBinary(Expr.Binary bin, String a, String c) {
    SourceLocation at = bin.location();
    int overflow = cx.sites.runtime("integer overflow in " + bin.op().symbol, at);
    return switch (bin.op()) {
      case LT -> JE.bool("(Long.compareUnsigned(" + a + ", " + c + ") < 0)");
      case LE -> JE.bool("(Long.compareUnsigned(" + a + ", " + c + ") <= 0)");
      case GT -> JE.bool("(Long.compareUnsigned(" + a + ", " + c + ") > 0)");
      case GE -> JE.bool("(Long.compareUnsigned(" + a + ", " + c + ") >= 0)");
      case ADD -> JE.value("addu(" + a + ", " + c + ", " + overflow + ")");
      case SUB -> JE.value("subu(" + a + ", " + c + ", " + overflow + ")");
      case MUL -> JE.value("mulu(" + a + ", " + c + ", " + overflow + ")");
      case DIV -> JE.value("divu(" + a + ", " + c + ", " + cx.sites.runtime("division by zero", at) + ")");
      case MOD -> JE.value("modu(" + a + ", " + c + ", " + cx.sites.runtime("modulo by zero", at) + ")");
      case LSH -> JE.value("shlu(" + a + ", " + c + ")");
      case RSH -> JE.value("shru(" + a + ", " + c + ")");
      case BITWISE_AND -> JE.value("(" + a + " & " + c + ")");
      case BITWISE_OR -> JE.value("(" + a + " | " + c + ")");
      case XOR -> JE.value("(" + a + " ^ " + c + ")");
      default -> throw new Unsupported("operator " + bin.op());
    };
  }

  /** {@code and}: l && r; otherwise l || r, with l negated when {@code negateLeft} (implication). */
  private JE shortCircuit(Expr left, Expr right, boolean and, boolean negateLeft) {
    JE l = compile(left);
    if (l.isConst()) {
      boolean lv = (l.cst() != 0) != negateLeft;
      if (and ? !lv : lv) {
        return JE.truth(!and);
      }
      JE r = compile(right);
      return r.isConst() ? JE.truth(r.cst() != 0) : JE.bool(r.asBool());
    }
    String lc = negateLeft ? "!" + JavaText.paren(l.asBool()) : l.asBool();
    if (!needs(right)) {
      JE r = compile(right);
      return JE.bool("(" + lc + (and ? " && " : " || ") + r.asBool() + ")");
    }
    String c = st.tmp("c");
    st.line("boolean " + c + " = " + lc + ";");
    st.open(and ? "if (" + c + ")" : "if (!" + c + ")");
    JE r = compile(right);
    st.line(c + " = " + r.asBool() + ";");
    st.close();
    return JE.bool(c);
  }

  private JE equality(Expr a, Expr b, boolean eq) {
    Type ta = a.type();
    Type tb = b.type();
    if (TypeFacts.isValue(ta)) {
      JE x = compile(a);
      if (needs(b)) {
        x = st.spill(x);
      }
      JE y = compile(b);
      return equalSimple(x, ta, y, tb, eq);
    }
    CRef ra = m.places.ref(a);
    if (needs(b)) {
      ra = st.materialize(ra);
    }
    CRef rb = m.places.ref(b);
    String code = "eqBits(" + ra.buf() + ", " + ra.offCode() + ", " + rb.buf() + ", " + rb.offCode() + ", "
        + ta.bitWidth() + ")";
    return JE.bool(eq ? code : "not(" + code + ")");
  }

  JE equalSimple(JE x, Type ta, JE y, Type tb, boolean eq) {
    if (TypeFacts.isReal(ta) || TypeFacts.isReal(tb)) {
      return realBinary(eq ? Expr.BinaryOp.EQ : Expr.BinaryOp.NEQ, real(x, ta), real(y, tb));
    }
    if (ta instanceof Type.UnionType && !(tb instanceof Type.UnionType)) {
      y = m.places.convert(y, tb, ta, null);
    } else if (tb instanceof Type.UnionType && !(ta instanceof Type.UnionType)) {
      x = m.places.convert(x, ta, tb, null);
    }
    if (x.isConst() && y.isConst()) {
      return JE.truth((x.cst().longValue() == y.cst().longValue()) == eq);
    }
    return JE.bool((eq ? "eq(" : "ne(") + x.asLong() + ", " + y.asLong() + ")");
  }

  // -------------------------------------------------------------------------------------- calls

  /** A call of {@code fn} as a Java expression; the arguments are evaluated in order. */
  String call(Function fn, List<Expr> args, SourceLocation at) {
    List<String> parts = new ArrayList<>();
    parts.add("s");
    parts.add("fx");
    if (!fn.isProcedure()) {
      parts.add(Integer.toString(
          cx.sites.runtime("the end of function " + fn.name() + " was reached without returning a value", at)));
    }
    for (int i = 0; i < args.size(); i++) {
      boolean later = false;
      for (int j = i + 1; j < args.size(); j++) {
        later |= needs(args.get(j));
      }
      Local p = fn.parameters().get(i);
      Expr arg = args.get(i);
      if (p.kind() == Local.Kind.VAR_PARAMETER) {
        CRef r = m.places.ref(arg);
        if (!TypeFacts.sameStorage(r.type(), p.type())) {
          // the interpreter would use the argument's type inside the callee; compiled code uses the parameter's
          throw new Unsupported("var argument of a different type than its parameter (" + p.name() + ")");
        }
        if (later) {
          r = st.materialize(r);
        }
        parts.add(r.buf());
        parts.add(r.offCode());
      } else if (arg instanceof Expr.Undefined) {
        // CMurphi's UNDEFINED: the parameter starts undefined
        parts.add(p.type().isSimple() ? "0L" : "new long[" + Math.max(1, (p.type().bitWidth() + 63) >>> 6) + "]");
      } else if (p.type().isSimple()) {
        String code;
        if (arg.isLValue() && !(arg instanceof Expr.LocalRef l && st.binding(l.local()) instanceof Val)) {
          code = m.places.copyRaw(arg, p.type());
        } else {
          JE v = m.places.convert(compile(arg), arg.type(), p.type(), arg.location());
          code = m.places.encode(v, p.type(), arg.location());
        }
        if (later && !JavaText.IDENT.matcher(code).matches() && !JavaText.isLiteral(code)) {
          String t = st.tmp("t");
          st.line("final long " + t + " = " + code + ";");
          code = t;
        }
        parts.add(code);
      } else {
        CRef r = m.places.ref(arg);
        String code = "copyOf(" + r.buf() + ", " + r.offCode() + ", " + p.type().bitWidth() + ")";
        if (later) {
          String t = st.tmp("b");
          st.line("final long[] " + t + " = " + code + ";");
          code = t;
        }
        parts.add(code);
      }
    }
    return "fn" + cx.functionIds.get(fn) + "(" + String.join(", ", parts) + ")";
  }
}
