package io.ballot.checker.compile;

import io.ballot.checker.compile.Binding.Store;
import io.ballot.checker.compile.Binding.Val;
import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Binder;
import io.ballot.checker.ir.Choose;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.Type;
import java.util.List;

/**
 * Binding Murphi names in generated code: a rule's quantifiers, aliases and multiset choices, and loops over a
 * quantifier's values (for {@code for} statements and quantified expressions).
 */
final class BinderCompiler extends MethodPart {

  BinderCompiler(MethodCompiler m) {
    super(m);
  }

  // -------------------------------------------------------------------------------------- binders

  /** Binds an instance's binders; {@code values} null: they are the method's parameters p0, p1, ... */
  void bindBinders(List<Binder> binders, long[] values, String absent) {
    for (int k = 0; k < binders.size(); k++) {
      Binder binder = binders.get(k);
      if (binder instanceof Quantifier q) {
        JE v = values != null ? JE.constant(values[k]) : JE.value("p" + k);
        bindQuantifier(q, v, false);
      } else if (binder instanceof AliasBinding a) {
        bindAlias(a);
      } else if (binder instanceof Choose c) {
        CRef ms = m.places.ref(c.multiset());
        Type.MultisetType mt = (Type.MultisetType) ms.type();
        int stride = 1 + mt.element().bitWidth();
        CRef presence = values != null
            ? ms.plus(Math.toIntExact(values[k] * stride), new Type.BooleanType())
            : ms.plusDyn("(int) p" + k + " * " + stride, new Type.BooleanType());
        st.line("if (" + m.places.raw(presence, 1) + " == 0L) " + absent);
        st.env.put(c.index(), new Val(values != null ? JavaText.lit(values[k]) : "p" + k,
            values != null ? values[k] : null, true, c.index().type()));
      }
    }
  }

  /** Binds quantifier {@code q} to {@code value}; {@code check}: the value may lie outside the variable's type. */
  void bindQuantifier(Quantifier q, JE value, boolean check) {
    Local v = q.variable();
    if (v.type() instanceof Type.IntType) {
      st.env.put(v, new Val(value.code(), value.cst(), true, null));
      return;
    }
    if (cx.mutated.contains(v)) {
      CRef slot = st.slot(v, v.type());
      m.places.write(slot, m.places.encode(value, v.type(), q.location()));
      st.env.put(v, new Store(slot));
      return;
    }
    JE x = value;
    if (check) {
      long[] b = TypeFacts.bounds(v.type());
      boolean fits = x.isConst() && !cx.unsigned ? x.cst() >= b[0] && x.cst() <= b[1] : false;
      if (!fits) {
        x = st.spill(JE.value((cx.unsigned ? "chku(" : "chk(") + x.asLong() + ", " + JavaText.lit(b[0]) + ", " + JavaText.lit(b[1]) + ", "
            + cx.sites.rangeSite(v.type(), q.location()) + ")"));
      }
    }
    st.env.put(v, new Val(x.code(), x.cst(), false, v.type()));
  }

  void bindAlias(AliasBinding a) {
    Expr v = a.value();
    st.aliasValues.put(a.alias(), v);
    if (v.isLValue()) {
      if (v instanceof Expr.LocalRef l && st.binding(l.local()) instanceof Val val && !val.boxed()) {
        st.env.put(a.alias(), val);
      } else {
        st.env.put(a.alias(), new Store(st.materialize(m.places.ref(v))));
      }
    } else if (TypeFacts.isValue(v.type())) {
      JE x = st.spill(m.exprs.compile(v));
      st.env.put(a.alias(), new Val(x.code(), x.cst(), true, x.range()));
    } else {
      CRef r = m.places.ref(v);
      String t = st.tmp("b");
      st.line("final long[] " + t + " = copyOf(" + r.buf() + ", " + r.offCode() + ", " + r.type().bitWidth() + ");");
      st.env.put(a.alias(), new Store(new CRef(t, null, 0, r.type())));
    }
  }

  /** A loop over a quantifier's values, binding its variable; {@code body} emits the loop body. */
  void loop(Quantifier q, Runnable body) {
    String i = st.tmp("i");
    if (q.overType()) {
      Type t = q.type();
      long[] b = TypeFacts.bounds(t);
      if (b[1] == Long.MAX_VALUE || cx.unsigned && (b[0] < 0 || b[1] < 0)) {
        throw new Unsupported("quantifier up to Long.MAX_VALUE");
      }
      st.open("for (long " + i + " = " + JavaText.lit(b[0]) + "; " + i + " <= " + JavaText.lit(b[1]) + "; " + i + "++)");
      JE v = new JE(i, false, null, t);
      bindQuantifier(q, v, !TypeFacts.sameBounds(t, q.variable().type()));
      body.run();
      st.close();
      st.env.remove(q.variable());
      return;
    }
    JE from = m.exprs.compile(q.from());
    if (m.exprs.needs(q.to()) || m.exprs.needs(q.step())) {
      from = st.spill(from);
    }
    JE to = m.exprs.compile(q.to());
    if (m.exprs.needs(q.step())) {
      to = st.spill(to);
    }
    JE step = q.step() == null ? JE.constant(1) : m.exprs.compile(q.step());
    String f = st.tmp("t");
    String t = st.tmp("t");
    st.line("final long " + f + " = " + from.asLong() + ";");
    st.line("final long " + t + " = " + to.asLong() + ";");
    String inc;
    String cond;
    String overflow;
    if (cx.unsigned) {
      inc = st.tmp("t");
      st.line("final long " + inc + " = " + step.asLong() + ";");
      st.line("if (" + inc + " == 0L) throw err(" + cx.sites.runtime("infinite loop due to 0 step", q.location()) + ");");
      cond = "Long.compareUnsigned(" + i + ", " + t + ") <= 0";
      overflow = "Long.compareUnsigned(" + i + ", -1L - " + inc + ") > 0";
    } else if (step.isConst()) {
      long sv = step.cst();
      if (sv == 0) {
        st.line("if (true) throw err(" + cx.sites.runtime("infinite loop due to 0 step", q.location()) + ");");
      }
      inc = JavaText.lit(sv);
      cond = sv > 0 ? i + " <= " + t : i + " >= " + t;
      overflow = sv > 0 ? i + " > Long.MAX_VALUE - " + inc : i + " < Long.MIN_VALUE - " + inc;
    } else {
      inc = st.tmp("t");
      st.line("final long " + inc + " = " + step.asLong() + ";");
      st.line("if (" + inc + " == 0L) throw err(" + cx.sites.runtime("infinite loop due to 0 step", q.location()) + ");");
      cond = "(" + inc + " > 0L ? " + i + " <= " + t + " : " + i + " >= " + t + ")";
      overflow = "(" + inc + " > 0L ? " + i + " > Long.MAX_VALUE - " + inc + " : " + i + " < Long.MIN_VALUE - " + inc
          + ")";
    }
    st.open("for (long " + i + " = " + f + "; " + cond + "; " + i + " += " + inc + ")");
    boolean check = true;
    if (q.variable().type() instanceof Type.RangeType rt && from.isConst() && to.isConst() && !cx.unsigned) {
      check = !(Math.min(from.cst(), to.cst()) >= rt.lo() && Math.max(from.cst(), to.cst()) <= rt.hi());
    }
    bindQuantifier(q, JE.value(i), check);
    body.run();
    st.line("if (" + overflow + ") break;");
    st.close();
    st.env.remove(q.variable());
  }
}
