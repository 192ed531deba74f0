package io.ballot.checker.compile;

import io.ballot.checker.compile.Binding.Store;
import io.ballot.checker.compile.Binding.Val;
import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Stmt;
import io.ballot.checker.ir.Type;
import io.ballot.checker.ir.UndefinedCopies;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.state.Values;
import io.ballot.checker.ts.ModelError;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements: assignments, conditionals and switches as flat labelled chains, loops, multiset updates, calls,
 * properties and {@code put}. A block whose code grows past the block limit has its large statements moved into
 * helper methods, so that no generated method outgrows what the JIT compiles.
 */
final class StmtCompiler extends MethodPart {
  /** Stands for "leave the chain" in clause code, until the chain is placed (in line, or in segment helpers). */
  private static final String BREAK = "\u0000break\u0000";
  /**
   * Stands for "a {@code return} statement ran" in rule, start state and procedure code: {@code return true;} in the
   * end, {@code return 2;} inside chain segments. (Generated code has no other NUL characters.)
   */
  static final String RETURNED = "\u0000returned\u0000";
  /** Statements of fewer characters are never split off. */
  private static final int OUTLINE_MIN = 400;

  StmtCompiler(MethodCompiler m) {
    super(m);
  }

  // -------------------------------------------------------------------------------------- statements

  /**
   * A block of statements. When its code is large, its large statements move into helper methods, so that no
   * method outgrows what the JIT compiles. The code generated in place is reused as the helper's body: it refers to
   * nothing from outside but the bindings in scope, which the helper receives as parameters of the same names.
   */
  void block(List<Stmt> body) {
    StringBuilder saved = st.b;
    List<String> codes = new ArrayList<>();
    int total = 0;
    for (Stmt s : body) {
      st.b = new StringBuilder();
      stmt(s);
      codes.add(st.b.toString());
      total += st.b.length();
    }
    st.b = saved;
    int limit = cx.options.blockLimit();
    if (total <= limit) {
      codes.forEach(st.b::append);
      return;
    }
    // consecutive statements go to helpers in groups of up to half the limit
    StringBuilder group = new StringBuilder();
    for (int i = 0; i < body.size(); i++) {
      String code = codes.get(i);
      if (st.kind == MethodKind.FUNCTION && Analysis.containsReturn(body.get(i))) {
        flush(group);
        st.b.append(code);
        continue;
      }
      if (group.length() > 0 && group.length() + code.length() > limit / 2) {
        flush(group);
      }
      group.append(code);
    }
    flush(group);
  }

  /** Moves a group of statements' code into a helper (or leaves it in place when small); empties the group. */
  private void flush(StringBuilder group) {
    if (group.length() == 0) {
      return;
    }
    String code = group.toString();
    group.setLength(0);
    if (code.length() <= Math.min(OUTLINE_MIN, cx.options.blockLimit() / 4) || !outline(code)) {
      st.b.append(code);
    }
  }

  /** Emits a call of a new helper method whose body is {@code code}; false when it would take too many parameters. */
  private boolean outline(String code) {
    if (st.helperParams().size() > 100) {
      return false;
    }
    String call = st.helper("boolean", code + "    return false;\n");
    st.line(st.kind == MethodKind.FUNCTION ? call + ";" : "if (" + call + ") " + RETURNED);
    return true;
  }

  void stmt(Stmt s) {
    if (s instanceof Stmt.Assign a) {
      CRef t = st.materialize(m.places.ref(a.target()));
      Expr v = a.value();
      if (UndefinedCopies.copies(v, st.aliasValues::get)
          && !(v instanceof Expr.LocalRef l && st.binding(l.local()) instanceof Val)) {
        m.places.write(t, m.places.copyRaw(v, t.type())); // CMurphi: an undefined source makes the target undefined
      } else {
        assignTo(t, v);
      }
    } else if (s instanceof Stmt.If i) {
      ifChain(i.clauses());
    } else if (s instanceof Stmt.Switch sw) {
      JE v = st.spill(m.exprs.compile(sw.value()));
      switchChain(sw.cases(), v, sw.value().type());
    } else if (s instanceof Stmt.For f) {
      m.binders.loop(f.quantifier(), () -> block(f.body()));
    } else if (s instanceof Stmt.While w) {
      st.open("while (true)");
      JE c = m.exprs.compile(w.condition());
      st.line("if (!" + JavaText.paren(c.asBool()) + ") break;");
      block(w.body());
      st.close();
    } else if (s instanceof Stmt.Return r) {
      returnStmt(r);
    } else if (s instanceof Stmt.Clear c) {
      CRef r = m.places.ref(c.target());
      Type t = r.type();
      if (t.isSimple()) {
        m.places.write(r, "1L");
      } else if (t instanceof Type.IntType) {
        throw new Unsupported("clear of an unbounded integer");
      } else {
        st.line("copy(PAT[" + cx.sites.clearPattern(t) + "], 0, " + r.buf() + ", " + r.offCode() + ", " + t.bitWidth() + ");");
      }
    } else if (s instanceof Stmt.Undefine u) {
      CRef r = m.places.ref(u.target());
      Type t = r.type();
      if (t.isSimple()) {
        m.places.write(r, "0L");
      } else {
        st.line("zero(" + r.buf() + ", " + r.offCode() + ", " + (t instanceof Type.IntType ? 64 : t.bitWidth()) + ");");
      }
    } else if (s instanceof Stmt.Put p) {
      put(p);
    } else if (s instanceof Stmt.Error e) {
      st.line("if (true) throw err(" + cx.sites.site(ViolationKind.ASSERTION, e.message(), "error \"" + e.message() + "\"",
          e.location()) + ");");
    } else if (s instanceof Stmt.PropertyStmt p) {
      JE c = m.exprs.compile(p.condition());
      switch (p.kind()) {
        case ASSERTION -> {
          String name = p.name() != null ? p.name() : "assertion";
          int k = cx.sites.site(ViolationKind.ASSERTION, name, "assertion \"" + name + "\" failed", p.location());
          st.line("if (!" + JavaText.paren(c.asBool()) + ") throw err(" + k + ");");
        }
        case ASSUMPTION -> st.line("if (!" + JavaText.paren(c.asBool()) + ") throw ASSUME;");
        case COVER -> st.line("if (" + c.asBool() + ") fx.cover(" + cx.coverSites.get(p) + ");");
        case LIVENESS -> st.line(
            "if (true) throw new IllegalStateException(\"liveness statements are rejected by the front end\");");
      }
    } else if (s instanceof Stmt.Alias a) {
      st.open("");
      for (AliasBinding bnd : a.bindings()) {
        m.binders.bindAlias(bnd);
      }
      block(a.body());
      for (AliasBinding bnd : a.bindings()) {
        st.env.remove(bnd.alias());
      }
      st.close();
    } else if (s instanceof Stmt.ProcCall c) {
      st.line(m.exprs.call(c.function(), c.arguments(), c.location()) + ";");
    } else if (s instanceof Stmt.MultisetAdd op) {
      CRef ms = st.materialize(m.places.ref(op.multiset()));
      Type.MultisetType mt = (Type.MultisetType) ms.type();
      int stride = 1 + mt.element().bitWidth();
      String at = st.tmp("o");
      String slot = st.tmp("i");
      st.line("int " + at + " = -1;");
      st.open("for (int " + slot + " = 0; " + slot + " < " + mt.capacity() + "; " + slot + "++)");
      st.line("final int x" + slot + " = " + ms.offCode() + " + " + slot + " * " + stride + ";");
      st.line("if (get(" + ms.buf() + ", x" + slot + ", 1) == 0L) { " + at + " = x" + slot + "; break; }");
      st.close();
      st.line("if (" + at + " < 0) throw err(" + cx.sites.runtime("multiset is full: no room to add an element", op.location())
          + ");");
      st.line("set(" + ms.buf() + ", " + at + ", 1, 1L);");
      assignTo(new CRef(ms.buf(), at, 1, mt.element()), op.element());
    } else if (s instanceof Stmt.MultisetRemove op) {
      CRef ms = st.materialize(m.places.ref(op.multiset()));
      Type.MultisetType mt = (Type.MultisetType) ms.type();
      int stride = 1 + mt.element().bitWidth();
      JE slot = st.spill(m.exprs.compile(op.index()));
      String at = st.tmp("o");
      st.line("final int " + at + " = " + slot.asLong() + " >= 0L && " + slot.asLong() + " < "
          + JavaText.lit(mt.capacity()) + " ? " + ms.offCode() + " + (int) " + slot.asLong() + " * " + stride + " : -1;");
      st.line("if (" + at + " < 0 || get(" + ms.buf() + ", " + at + ", 1) == 0L) throw err("
          + cx.sites.runtime(ModelError.NOT_IN_MULTISET, op.location()) + ");");
      st.line("zero(" + ms.buf() + ", " + at + ", " + stride + ");");
    } else if (s instanceof Stmt.MultisetRemovePred op) {
      CRef ms = st.materialize(m.places.ref(op.multiset()));
      Type.MultisetType mt = (Type.MultisetType) ms.type();
      int stride = 1 + mt.element().bitWidth();
      String slot = st.tmp("i");
      st.open("for (long " + slot + " = 0L; " + slot + " < " + JavaText.lit(mt.capacity()) + "; " + slot + "++)");
      String at = st.tmp("o");
      st.line("final int " + at + " = " + ms.offCode() + " + (int) " + slot + " * " + stride + ";");
      st.open("if (get(" + ms.buf() + ", " + at + ", 1) != 0L)");
      st.env.put(op.index(), new Val(slot, null, true, op.index().type()));
      JE p = m.exprs.compile(op.predicate());
      st.line("if (" + p.asBool() + ") zero(" + ms.buf() + ", " + at + ", " + stride + ");");
      st.env.remove(op.index());
      st.close();
      st.close();
    } else {
      throw new Unsupported("statement " + s.getClass().getSimpleName());
    }
  }

  void assignTo(CRef t, Expr value) {
    Type tt = t.type();
    if (tt.isSimple()) {
      JE v = m.places.convert(m.exprs.compile(value), value.type(), tt, value.location());
      m.places.write(t, m.places.encode(v, tt, value.location()));
    } else if (tt instanceof Type.IntType) {
      throw new Unsupported("assignment to unbounded integer storage");
    } else {
      CRef f = m.places.ref(value);
      st.line("copy(" + f.buf() + ", " + f.offCode() + ", " + t.buf() + ", " + t.offCode() + ", " + tt.bitWidth()
          + ");");
    }
  }


  /**
   * {@code if}/{@code elsif}/{@code else} as a flat sequence in a labelled block ({@code if (c) { ...; break L; }}),
   * not as nested {@code else}s, so that a long chain does not nest deeply in Java (javac parses recursively).
   */
  void ifChain(List<Stmt.IfClause> clauses) {
    List<String> codes = new ArrayList<>();
    boolean returns = false;
    StringBuilder saved = st.b;
    for (Stmt.IfClause c : clauses) {
      returns |= c.body().stream().anyMatch(Analysis::containsReturn);
      st.b = new StringBuilder();
      boolean last = false;
      if (c.condition() == null) {
        block(c.body());
        last = true;
      } else {
        JE k = m.exprs.compile(c.condition());
        if (k.isConst()) {
          if (k.cst() != 0) {
            block(c.body());
            last = true;
          }
        } else {
          st.open("if (" + k.asBool() + ")");
          block(c.body());
          st.line(BREAK);
          st.close();
        }
      }
      codes.add(st.b.toString());
      if (last) {
        break;
      }
    }
    st.b = saved;
    chain(codes, returns);
  }

  /** {@code switch} as a flat chain of tests, like {@link #ifChain}. */
  void switchChain(List<Stmt.SwitchCase> cases, JE v, Type t) {
    boolean variable = !v.isConst() && st.extraParams.putIfAbsent(v.code(), v.bool() ? "boolean" : "long") == null;
    List<String> codes = new ArrayList<>();
    boolean returns = false;
    StringBuilder saved = st.b;
    for (Stmt.SwitchCase c : cases) {
      returns |= c.body().stream().anyMatch(Analysis::containsReturn);
      st.b = new StringBuilder();
      boolean last = switchCase(c, v, t);
      codes.add(st.b.toString());
      if (last) {
        break;
      }
    }
    st.b = saved;
    chain(codes, returns);
    if (variable) {
      st.extraParams.remove(v.code());
    }
  }

  /** One case of a switch chain; true when it is taken unconditionally (the chain ends there). */
  private boolean switchCase(Stmt.SwitchCase c, JE v, Type t) {
    if (c.labels().isEmpty()) {
      block(c.body());
      return true;
    }
    String cond;
    if (c.labels().stream().noneMatch(m.exprs::needs)) {
      List<String> parts = new ArrayList<>();
      boolean always = false;
      for (Expr label : c.labels()) {
        JE eq = m.exprs.equalSimple(v, t, m.exprs.compile(label), label.type(), true);
        if (eq.isConst()) {
          if (eq.cst() != 0) {
            always = true;
            break;
          }
          continue;
        }
        parts.add(eq.code());
      }
      if (always && parts.isEmpty()) {
        block(c.body());
        return true;
      }
      if (always) {
        parts.add("true");
      }
      if (parts.isEmpty()) {
        return false;
      }
      cond = String.join(" || ", parts);
    } else {
      cond = st.tmp("c");
      st.line("boolean " + cond + " = false;");
      for (Expr label : c.labels()) {
        st.open("if (!" + cond + ")");
        JE eq = m.exprs.equalSimple(v, t, m.exprs.compile(label), label.type(), true);
        st.line(cond + " = " + eq.asBool() + ";");
        st.close();
      }
    }
    st.open("if (" + cond + ")");
    block(c.body());
    st.line(BREAK);
    st.close();
    return false;
  }

  /**
   * Places a chain's clause codes in a labelled block. A long chain is cut into segments, each a helper returning
   * 0 (no clause taken: go on), 1 (a clause was taken) or 2 (a {@code return} was executed).
   */
  private void chain(List<String> codes, boolean returns) {
    String label = st.tmp("L");
    String leave = "break " + label + ";";
    int total = codes.stream().mapToInt(String::length).sum();
    st.open(label + ":");
    if (total <= cx.options.blockLimit() || codes.size() < 2 || (st.kind == MethodKind.FUNCTION && returns)) {
      for (String code : codes) {
        st.b.append(code.replace(BREAK, leave));
      }
      st.close();
      return;
    }
    int limit = Math.max(1, cx.options.blockLimit() / 2);
    int i = 0;
    while (i < codes.size()) {
      StringBuilder segment = new StringBuilder();
      do {
        segment.append(codes.get(i++).replace(BREAK, "return 1;").replace(RETURNED, "return 2;"));
      } while (i < codes.size() && segment.length() + codes.get(i).length() <= limit);
      String call = st.helper("int", segment + "    return 0;\n");
      if (st.kind == MethodKind.FUNCTION) {
        st.line("if (" + call + " == 1) " + leave);
      } else {
        String r = st.tmp("r");
        st.line("final int " + r + " = " + call + ";");
        st.line("if (" + r + " == 2) " + RETURNED);
        st.line("if (" + r + " == 1) " + leave);
      }
    }
    st.close();
  }

  void returnStmt(Stmt.Return r) {
    switch (st.kind) {
      case FIRE, START, GUARD, HOLDS -> {
        if (r.value() != null && TypeFacts.isValue(r.value().type())) {
          st.spill(m.exprs.compile(r.value()));
        } else if (r.value() != null) {
          m.places.ref(r.value());
        }
        st.line("if (true) " + RETURNED);
      }
      case PROCEDURE -> {
        if (r.value() != null) {
          throw new Unsupported("procedure returning a value");
        }
        st.line("if (true) " + RETURNED);
      }
      case FUNCTION -> {
        if (r.value() == null) {
          st.line("if (true) throw err(at);");
        } else if (TypeFacts.isValue(st.function.returnType())) {
          if (!TypeFacts.isValue(r.value().type())) {
            throw new Unsupported("function returning a complex value as a simple one");
          }
          JE v = m.exprs.compile(r.value());
          if (st.function.returnType() instanceof Type.RealType rt) {
            // CMurphi constructs the result as a value of the return type: rounded to its precision
            JE x = m.places.convert(v, r.value().type(), rt, r.location());
            v = JE.value("rdec(" + m.places.encode(x, rt, r.location()) + ", " + cx.sites.type(rt) + ")");
          }
          st.line("if (true) return " + v.asLong() + ";");
        } else {
          CRef v = m.places.ref(r.value());
          st.line("if (true) return copyOf(" + v.buf() + ", " + v.offCode() + ", " + v.type().bitWidth() + ");");
        }
      }
    }
  }

  void put(Stmt.Put p) {
    if (p.text() != null) {
      String text = p.text().replace("\\n", "\n").replace("\\t", "\t").replace("\\\"", "\"").replace("\\\\", "\\");
      st.line("fx.put(" + JavaText.javaString(text) + ");");
      return;
    }
    Expr v = p.value();
    if (v.isLValue() && !(v instanceof Expr.LocalRef l && st.binding(l.local()) instanceof Val)) {
      CRef r = m.places.ref(v);
      st.line("fx.put(render(" + r.buf() + ", " + r.offCode() + ", TYPE[" + cx.sites.type(r.type()) + "]"
          + (cx.unsigned ? ", true" : "") + "));");
    } else if (TypeFacts.isValue(v.type())) {
      JE x = m.exprs.compile(v);
      st.line("fx.put(Values.text(TYPE[" + cx.sites.type(v.type()) + "], " + x.asLong() + (cx.unsigned ? ", true" : "") + "));");
    } else {
      st.line("fx.put(" + JavaText.javaString(v.toString()) + ");");
    }
  }
}

