package io.ballot.checker.compile;

import io.ballot.checker.compile.Binding.Store;
import io.ballot.checker.compile.Binding.Val;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Type;
import io.ballot.checker.state.StateLayout;
import io.ballot.checker.state.Values;

/**
 * Storage access in generated code: where a designator lives ({@link #ref}), reading a simple value with its
 * undefined check, writing raw bits, the range-checked encoding of a value, and conversions between a union and its
 * members.
 */
final class PlaceCompiler extends MethodPart {

  PlaceCompiler(MethodCompiler m) {
    super(m);
  }

  // -------------------------------------------------------------------------------------- storage access

  /** The raw stored bits of a simple value (or any width, through Bits.get). */
  String raw(CRef r, int w) {
    if (r.dyn() == null && w <= 63 && w > 0) {
      int word = r.off() >>> 6;
      int bit = r.off() & 63;
      long mask = (1L << w) - 1;
      String x = r.buf() + "[" + word + "]";
      if (bit + w <= 64) {
        String shifted = bit == 0 ? x : "(" + x + " >>> " + bit + ")";
        return bit + w == 64 ? shifted : "(" + shifted + " & " + JavaText.hex(mask) + ")";
      }
      String y = r.buf() + "[" + (word + 1) + "]";
      return "(((" + x + " >>> " + bit + ") | (" + y + " << " + (64 - bit) + ")) & " + JavaText.hex(mask) + ")";
    }
    return "get(" + r.buf() + ", " + r.offCode() + ", " + w + ")";
  }

  String raw(CRef r) {
    return raw(r, r.type().bitWidth());
  }

  /** Stores raw bits {@code value} (evaluated before the word is read) into a simple place. */
  void write(CRef r, String value) {
    int w = r.type().bitWidth();
    if (!JavaText.IDENT.matcher(value).matches() && !JavaText.isLiteral(value)) {
      String t = st.tmp("t");
      st.line("final long " + t + " = " + value + ";");
      value = t;
    }
    if (r.dyn() == null && w <= 63) {
      int word = r.off() >>> 6;
      int bit = r.off() & 63;
      if (bit + w <= 64) {
        long mask = ((1L << w) - 1) << bit;
        String x = r.buf() + "[" + word + "]";
        String v = bit == 0 ? value : "(" + value + " << " + bit + ")";
        st.line(x + " = (" + x + " & " + JavaText.hex(~mask) + ") | " + v + ";");
        return;
      }
    }
    st.line("set(" + r.buf() + ", " + r.offCode() + ", " + w + ", " + value + ");");
  }

  /** The value read from a simple place, with the undefined check. */
  JE read(CRef r, String name, SourceLocation at) {
    Type t = r.type();
    if (!t.isSimple()) {
      throw new Unsupported("value of complex expression " + name);
    }
    int k = cx.sites.runtime("read of undefined value in " + name, at);
    String d = "def(" + raw(r) + ", " + k + ")";
    if (t instanceof Type.RealType) {
      return JE.value("rdec(" + d + ", " + cx.sites.type(t) + ")");
    }
    long lo = t instanceof Type.RangeType rt ? rt.lo() : 0;
    String code;
    if (lo == 1) {
      code = d;
    } else if (lo > Long.MIN_VALUE) {
      code = "(" + d + " + " + JavaText.lit(lo - 1) + ")";
    } else {
      code = "(" + d + " - 1L + " + JavaText.lit(lo) + ")";
    }
    return new JE(code, false, null, t);
  }

  /** The raw form of value {@code v} stored into type {@code t}: the range check, unless v is known to fit. */
  String encode(JE v, Type t, SourceLocation at) {
    if (t instanceof Type.RealType) {
      return "renc(" + v.asLong() + ", " + cx.sites.type(t) + ", " + cx.sites.runtime("real value", at) + ")";
    }
    long[] b = TypeFacts.bounds(t);
    if (cx.unsigned) {
      return "encu(" + v.asLong() + ", " + JavaText.lit(b[0]) + ", " + JavaText.lit(b[1]) + ", " + cx.sites.rangeSite(t, at) + ")";
    }
    if (v.isConst() && v.cst() >= b[0] && v.cst() <= b[1]) {
      return JavaText.lit(v.cst() - b[0] + 1);
    }
    if (!v.isConst() && v.range() != null && v.range().isSimple()) {
      long[] r = TypeFacts.bounds(v.range());
      if (r[0] >= b[0] && r[1] <= b[1]) {
        return b[0] == 1 ? v.asLong() : "(" + v.asLong() + " - " + JavaText.lit(b[0] - 1) + ")";
      }
    }
    return "enc(" + v.asLong() + ", " + JavaText.lit(b[0]) + ", " + JavaText.lit(b[1]) + ", " + cx.sites.rangeSite(t, at) + ")";
  }

  /** Storage.convert (interp): between a union and one of its members. */
  JE convert(JE v, Type from, Type to, SourceLocation at) {
    if (TypeFacts.isReal(to)) {
      return TypeFacts.isReal(from) ? v : JE.value("rb((double) " + v.asLong() + ")"); // CMurphi converts integers to real
    }
    if (to instanceof Type.UnionType u && !(from instanceof Type.UnionType)) {
      long off = Values.memberOffset(u, from);
      if (off < 0) {
        return v;
      }
      if (v.isConst()) {
        return JE.constant(off + v.cst());
      }
      return JE.value("(" + v.asLong() + " + " + JavaText.lit(off) + ")");
    }
    if (from instanceof Type.UnionType u && !(to instanceof Type.UnionType)) {
      long off = Values.memberOffset(u, to);
      if (off < 0) {
        return v;
      }
      int k = cx.sites.runtime("union value is not a " + cx.sites.describe(to), at);
      if (v.isConst() && v.cst() - off >= 0 && v.cst() - off < to.cardinality()) {
        return JE.constant(v.cst() - off);
      }
      return new JE("unmember(" + v.asLong() + ", " + JavaText.lit(off) + ", " + JavaText.lit(to.cardinality()) + ", " + k + ")",
          false, null, to);
    }
    return v;
  }

  // -------------------------------------------------------------------------------------- designators

  CRef ref(Expr e) {
    if (e instanceof Expr.VarRef v) {
      return new CRef("s", null, cx.layout.offset(v.variable()), v.variable().type());
    }
    if (e instanceof Expr.LocalRef l) {
      Binding bd = st.binding(l.local());
      if (bd instanceof Store st) {
        return st.ref();
      }
      Val val = (Val) bd;
      if (val.boxed()) {
        int k = cx.sites.runtime("cannot take the address of unbounded quantifier '" + l.local().name() + "'", e.location());
        // the interpreter fails here; code after it is never reached, so any simple type will do
        Type t = l.local().type().isSimple() ? l.local().type() : new Type.BooleanType();
        return new CRef("s", "failInt(" + k + ")", 0, t);
      }
      throw new Unsupported("address of immutable quantifier " + l.local().name());
    }
    if (e instanceof Expr.FieldRef fr) {
      CRef rec = ref(fr.record());
      Type.RecordType rt = (Type.RecordType) rec.type();
      return rec.plus(StateLayout.fieldOffset(rt, fr.fieldIndex()), fr.type());
    }
    if (e instanceof Expr.ElementRef el) {
      CRef arr = ref(el.array());
      if (m.exprs.needs(el.index())) {
        arr = st.materialize(arr);
      }
      if (arr.type() instanceof Type.MultisetType mt) {
        JE slot = m.exprs.compile(el.index());
        int stride = 1 + mt.element().bitWidth();
        int k = cx.sites.runtime("multiset element", e.location());
        return new CRef(arr.buf(), "msel(" + arr.buf() + ", " + arr.offCode() + ", " + slot.asLong() + ", "
            + stride + ", " + k + ")", 0, mt.element());
      }
      Type.ArrayType at = (Type.ArrayType) arr.type();
      int w = at.element().bitWidth();
      JE idx = convert(m.exprs.compile(el.index()), el.index().type(), at.index(), el.index().location());
      long[] bd = TypeFacts.bounds(at.index());
      if (cx.unsigned) {
        int k = cx.sites.runtime("index", el.index().location());
        String pos = "ixu(" + idx.asLong() + ", " + JavaText.lit(bd[0]) + ", " + JavaText.lit(bd[1]) + ", " + k + ")";
        return arr.plusDyn(w == 1 ? pos : pos + " * " + w, at.element());
      }
      if (idx.isConst() && idx.cst() >= bd[0] && idx.cst() <= bd[1]) {
        return arr.plus(Math.toIntExact((idx.cst() - bd[0]) * w), at.element());
      }
      String pos;
      long[] r = idx.range() != null && idx.range().isSimple() && !idx.isConst() ? TypeFacts.bounds(idx.range()) : null;
      if (r != null && r[0] >= bd[0] && r[1] <= bd[1]) {
        pos = bd[0] == 0 ? "(int) " + idx.asLong() : "(int) (" + idx.asLong() + " - " + JavaText.lit(bd[0]) + ")";
      } else {
        int k = cx.sites.runtime("index", el.index().location());
        pos = "ix(" + idx.asLong() + ", " + JavaText.lit(bd[0]) + ", " + JavaText.lit(bd[1]) + ", " + k + ")";
      }
      return arr.plusDyn(w == 1 ? pos : pos + " * " + w, at.element());
    }
    if (e instanceof Expr.Call c) {
      String t = st.tmp("b");
      st.line("final long[] " + t + " = " + m.exprs.call(c.function(), c.arguments(), c.location()) + ";");
      return new CRef(t, null, 0, c.function().returnType());
    }
    if (e instanceof Expr.Ternary t) {
      JE c = m.exprs.compile(t.condition());
      if (c.isConst()) {
        return ref(c.cst() != 0 ? t.then() : t.otherwise());
      }
      String bv = st.tmp("b");
      String ov = st.tmp("o");
      st.line("long[] " + bv + ";");
      st.line("int " + ov + ";");
      st.open("if (" + c.asBool() + ")");
      CRef x = ref(t.then());
      st.line(bv + " = " + x.buf() + ";");
      st.line(ov + " = " + x.offCode() + ";");
      st.closeOpen("else");
      CRef y = ref(t.otherwise());
      st.line(bv + " = " + y.buf() + ";");
      st.line(ov + " = " + y.offCode() + ";");
      st.close();
      if (x.type().bitWidth() != y.type().bitWidth()) {
        throw new Unsupported("conditional of values of different sizes");
      }
      return new CRef(bv, ov, 0, t.type());
    }
    throw new Unsupported("not a designator: " + e.getClass().getSimpleName());
  }

  /**
   * The raw stored form of designator {@code arg} converted to type {@code to}, for storage of type {@code to}: an
   * undefined value stays undefined (no read error); a defined one is converted and range-checked.
   */
  String copyRaw(Expr arg, Type to) {
    CRef r = ref(arg);
    String raw = raw(r);
    if (to instanceof Type.RealType && !to.equals(r.type())) {
      // undefined stays undefined; a value is converted and rounded to the target's real type
      return "rpass(" + raw + ", " + cx.sites.type(r.type()) + ", " + cx.sites.type(to) + ", " + cx.sites.runtime("real value", arg.location()) + ")";
    }
    long argLo = r.type() instanceof Type.RangeType rt ? rt.lo() : 0;
    int conv = 0;
    long off = 0;
    long card = 0;
    int kc = 0;
    if (to instanceof Type.UnionType u && !(arg.type() instanceof Type.UnionType)) {
      off = Values.memberOffset(u, arg.type());
      conv = off < 0 ? 0 : 1;
    } else if (arg.type() instanceof Type.UnionType u && !(to instanceof Type.UnionType)) {
      off = Values.memberOffset(u, to);
      conv = off < 0 ? 0 : 2;
      card = to.cardinality();
      kc = cx.sites.runtime("union value is not a " + cx.sites.describe(to), arg.location());
    }
    long[] bd = TypeFacts.bounds(to);
    if (conv == 0 && r.type().isSimple() && TypeFacts.sameNumbering(cx.unsigned, r.type(), to)) {
      return raw; // same stored form: undefined stays undefined, defined values fit
    } else {
      return (cx.unsigned ? "passu(" : "pass(") + raw + ", " + JavaText.lit(argLo) + ", " + conv + ", " + JavaText.lit(off) + ", " + JavaText.lit(card) + ", "
          + JavaText.lit(bd[0]) + ", " + JavaText.lit(bd[1]) + ", " + kc + ", " + cx.sites.rangeSite(to, arg.location()) + ")";
    }
  }
}
