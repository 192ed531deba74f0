package io.ballot.checker.ir;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A canonical, location-free text dump of an IR {@link Model}, for tests and debugging: two models are the same IR
 * iff their dumps are equal (source locations, including the {@code origin} of enum and scalarset types and the
 * model's file name, are ignored).
 *
 * <p>The dump lists, in model order: constants, named types, variables, functions (parameters with their kind,
 * return type, locals, body), start states, rules (name, binders, guard, locals, body) and properties. Types are
 * printed structurally ({@code 0..3}, {@code enum{a,b}}, {@code scalarset(name,size)}, {@code record{f:T;g:U}},
 * {@code array[I]of E}, {@code union{A,B}}, {@code multiset[n]of E}, {@code int}, {@code boolean}).
 *
 * <p>Expressions are fully parenthesised. Literals show their IR type ({@code 5:int}, {@code 1:boolean}); every
 * other node that stores its own type (field and element references, unary, binary and ternary operations) shows it
 * after its closing parenthesis; operators print as their enum constant names, e.g.
 * {@code ((x ADD 1:int):int LT 2:int):boolean}. Global variables print by name,
 * functions by name. A {@link Local} has identity, not value, equality, so it prints as {@code name#k}, where
 * {@code k} numbers the distinct {@code Local} objects in order of first appearance in the dump; where a local is
 * declared (parameter, local variable, quantifier, alias, multiset index) its kind and type follow in
 * parentheses. A reference to a local that may be assigned through prints as {@code name#k{lv}}.
 */
public final class IrPrinter {
  private final StringBuilder out = new StringBuilder();
  private final Map<Local, Integer> localIds = new IdentityHashMap<>();
  private int indent;

  private IrPrinter() {}

  /** The canonical dump of {@code model}. */
  public static String print(Model model) {
    IrPrinter p = new IrPrinter();
    p.model(model);
    return p.out.toString();
  }

  /** The canonical text of one type (the form the model dump uses). */
  public static String print(Type type) {
    return type(type);
  }

  // ------------------------------------------------------------------------------------------ model

  private void model(Model m) {
    line("model");
    indent++;
    for (ConstantDecl c : m.constants()) {
      line("const " + c.name() + " = " + c.value() + ":" + type(c.type()));
    }
    for (TypeDecl t : m.types()) {
      line("type " + t.name() + " = " + type(t.type()));
    }
    for (Variable v : m.variables()) {
      line("var " + v.name() + ": " + type(v.type()));
    }
    for (Function f : m.functions()) {
      function(f);
    }
    for (StartState s : m.startStates()) {
      line("startstate " + quote(s.name()));
      indent++;
      binders(s.binders());
      locals(s.locals());
      body(s.body());
      indent--;
      line("end startstate");
    }
    for (Rule r : m.rules()) {
      line("rule " + quote(r.name()) + (r.priority() != 0 ? " priority " + r.priority() : ""));
      indent++;
      binders(r.binders());
      if (r.guard() != null) {
        line("guard " + expr(r.guard()));
      }
      locals(r.locals());
      body(r.body());
      indent--;
      line("end rule");
    }
    for (Property p : m.properties()) {
      line("property " + p.kind() + " " + p.keyword() + " " + quote(p.name()));
      indent++;
      binders(p.binders());
      line("condition " + expr(p.condition()));
      indent--;
      line("end property");
    }
    indent--;
    line("end model");
  }

  private void function(Function f) {
    StringBuilder head = new StringBuilder(f.isProcedure() ? "procedure " : "function ").append(f.name()).append('(');
    List<Local> params = f.parameters();
    for (int i = 0; i < params.size(); i++) {
      head.append(i == 0 ? "" : ", ").append(declared(params.get(i)));
    }
    head.append(')');
    if (!f.isProcedure()) {
      head.append(" returns ").append(type(f.returnType()));
    }
    line(head.toString());
    indent++;
    locals(f.locals());
    body(f.body());
    indent--;
    line("end " + (f.isProcedure() ? "procedure" : "function"));
  }

  private void binders(List<Binder> binders) {
    for (Binder b : binders) {
      if (b instanceof Quantifier q) {
        line("binder quantifier " + quantifier(q));
      } else if (b instanceof AliasBinding a) {
        line("binder alias " + alias(a));
      } else if (b instanceof Choose c) {
        line("binder choose " + declared(c.index()) + " in " + expr(c.multiset()));
      } else {
        throw new IllegalArgumentException("unknown binder " + b);
      }
    }
  }

  private void locals(List<Local> locals) {
    for (Local l : locals) {
      line("local " + declared(l));
    }
  }

  private void body(List<Stmt> body) {
    line("begin");
    indent++;
    for (Stmt s : body) {
      stmt(s);
    }
    indent--;
    line("end");
  }

  // ------------------------------------------------------------------------------------------ statements

  private void stmt(Stmt s) {
    if (s instanceof Stmt.Assign a) {
      line(expr(a.target()) + " := " + expr(a.value()));
    } else if (s instanceof Stmt.If i) {
      for (int k = 0; k < i.clauses().size(); k++) {
        Stmt.IfClause c = i.clauses().get(k);
        if (c.condition() == null) {
          line("else");
        } else {
          line((k == 0 ? "if " : "elsif ") + expr(c.condition()));
        }
        block(c.body());
      }
      line("end if");
    } else if (s instanceof Stmt.Switch sw) {
      line("switch " + expr(sw.value()));
      for (Stmt.SwitchCase c : sw.cases()) {
        if (c.labels().isEmpty()) {
          line("else");
        } else {
          line("case " + exprs(c.labels()));
        }
        block(c.body());
      }
      line("end switch");
    } else if (s instanceof Stmt.For f) {
      line("for " + quantifier(f.quantifier()));
      block(f.body());
      line("end for");
    } else if (s instanceof Stmt.While w) {
      line("while " + expr(w.condition()));
      block(w.body());
      line("end while");
    } else if (s instanceof Stmt.Return r) {
      line(r.value() == null ? "return" : "return " + expr(r.value()));
    } else if (s instanceof Stmt.Clear c) {
      line("clear " + expr(c.target()));
    } else if (s instanceof Stmt.Undefine u) {
      line("undefine " + expr(u.target()));
    } else if (s instanceof Stmt.Put p) {
      line(p.value() == null ? "put text " + quote(p.text()) : "put value " + expr(p.value()));
    } else if (s instanceof Stmt.Error e) {
      line("error " + quote(e.message()));
    } else if (s instanceof Stmt.PropertyStmt p) {
      line("property " + p.kind() + " " + quote(p.name()) + " " + expr(p.condition()));
    } else if (s instanceof Stmt.Alias a) {
      line("alias");
      indent++;
      for (AliasBinding b : a.bindings()) {
        line(alias(b));
      }
      indent--;
      line("do");
      block(a.body());
      line("end alias");
    } else if (s instanceof Stmt.ProcCall c) {
      line("call " + c.function().name() + "(" + exprs(c.arguments()) + ")");
    } else if (s instanceof Stmt.MultisetAdd m) {
      line("multisetadd(" + expr(m.element()) + ", " + expr(m.multiset()) + ")");
    } else if (s instanceof Stmt.MultisetRemove m) {
      line("multisetremove(" + expr(m.index()) + ", " + expr(m.multiset()) + ")");
    } else if (s instanceof Stmt.MultisetRemovePred m) {
      line(
          "multisetremovepred(" + declared(m.index()) + " in " + expr(m.multiset()) + "; " + expr(m.predicate())
              + ")");
    } else {
      throw new IllegalArgumentException("unknown statement " + s);
    }
  }

  private void block(List<Stmt> body) {
    indent++;
    for (Stmt s : body) {
      stmt(s);
    }
    indent--;
  }

  private String quantifier(Quantifier q) {
    StringBuilder b = new StringBuilder(declared(q.variable()));
    if (q.overType()) {
      b.append(" in ").append(type(q.type()));
    }
    if (q.from() != null || q.to() != null) {
      b.append(" := ").append(expr(q.from())).append(" to ").append(expr(q.to()));
    }
    if (q.step() != null) {
      b.append(" by ").append(expr(q.step()));
    }
    return b.toString();
  }

  private String alias(AliasBinding a) {
    return declared(a.alias()) + " = " + expr(a.value());
  }

  // ------------------------------------------------------------------------------------------ expressions

  private String exprs(List<Expr> list) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < list.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(expr(list.get(i)));
    }
    return b.toString();
  }

  private String expr(Expr e) {
    if (e == null) {
      return "<null>";
    }
    if (e instanceof Expr.Literal l) {
      String value = l.type() instanceof Type.DoubleType || l.type() instanceof Type.RealType
          ? Double.toString(Double.longBitsToDouble(l.value()))
          : Long.toString(l.value());
      return value + ":" + type(l.type());
    }
    if (e instanceof Expr.VarRef v) {
      return v.variable().name();
    }
    if (e instanceof Expr.LocalRef l) {
      return local(l.local()) + (l.lvalue() ? "{lv}" : "");
    }
    if (e instanceof Expr.FieldRef f) {
      return "(" + expr(f.record()) + "." + f.field() + "@" + f.fieldIndex() + "):" + type(f.type());
    }
    if (e instanceof Expr.ElementRef a) {
      return "(" + expr(a.array()) + "[" + expr(a.index()) + "]):" + type(a.type());
    }
    if (e instanceof Expr.Unary u) {
      return "(" + u.op() + " " + expr(u.operand()) + "):" + type(u.type());
    }
    if (e instanceof Expr.Binary b) {
      return "(" + expr(b.left()) + " " + b.op() + " " + expr(b.right()) + "):" + type(b.type());
    }
    if (e instanceof Expr.Ternary t) {
      return "(" + expr(t.condition()) + " ? " + expr(t.then()) + " : " + expr(t.otherwise()) + "):"
          + type(t.type());
    }
    if (e instanceof Expr.Quantified q) {
      return "(" + (q.universal() ? "forall " : "exists ") + quantifier(q.quantifier()) + " do " + expr(q.body())
          + ")";
    }
    if (e instanceof Expr.Call c) {
      return c.function().name() + "(" + exprs(c.arguments()) + ")";
    }
    if (e instanceof Expr.MathCall m) {
      return m.function().murphiName() + "(" + exprs(m.arguments()) + ")";
    }
    if (e instanceof Expr.Undefined u) {
      return "UNDEFINED:" + type(u.type());
    }
    if (e instanceof Expr.IsUndefined u) {
      return "isundefined(" + expr(u.target()) + ")";
    }
    if (e instanceof Expr.IsMember m) {
      return "ismember(" + expr(m.value()) + ", " + type(m.memberType()) + ")";
    }
    if (e instanceof Expr.MultisetCount m) {
      return "multisetcount(" + declared(m.index()) + " in " + expr(m.multiset()) + "; " + expr(m.predicate()) + ")";
    }
    throw new IllegalArgumentException("unknown expression " + e);
  }

  // ------------------------------------------------------------------------------------------ names and types

  private String local(Local l) {
    Integer id = localIds.get(l);
    if (id == null) {
      id = localIds.size() + 1;
      localIds.put(l, id);
    }
    return l.name() + "#" + id;
  }

  /** A local where it is bound: its number, kind and type. */
  private String declared(Local l) {
    return local(l) + " (" + l.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + type(l.type()) + ")";
  }

  private static String type(Type t) {
    if (t == null) {
      return "<null>";
    }
    if (t instanceof Type.IntType) {
      return "int";
    }
    if (t instanceof Type.BooleanType) {
      return "boolean";
    }
    if (t instanceof Type.DoubleType) {
      return "double";
    }
    if (t instanceof Type.RealType r) {
      return "real(" + r.precision() + "," + r.exponent() + ")";
    }
    if (t instanceof Type.RangeType r) {
      return r.lo() + ".." + r.hi();
    }
    if (t instanceof Type.EnumType e) {
      return "enum{" + String.join(",", e.members()) + "}";
    }
    if (t instanceof Type.ScalarsetType s) {
      return "scalarset(" + s.name() + "," + s.size() + ")";
    }
    if (t instanceof Type.UnionType u) {
      StringBuilder b = new StringBuilder("union{");
      for (int i = 0; i < u.members().size(); i++) {
        b.append(i == 0 ? "" : ",").append(type(u.members().get(i)));
      }
      return b.append('}').toString();
    }
    if (t instanceof Type.RecordType r) {
      StringBuilder b = new StringBuilder("record{");
      for (int i = 0; i < r.fields().size(); i++) {
        Type.Field f = r.fields().get(i);
        b.append(i == 0 ? "" : ";").append(f.name()).append(':').append(type(f.type()));
      }
      return b.append('}').toString();
    }
    if (t instanceof Type.ArrayType a) {
      return "array[" + type(a.index()) + "]of " + type(a.element());
    }
    if (t instanceof Type.MultisetType m) {
      return "multiset[" + m.capacity() + "]of " + type(m.element());
    }
    throw new IllegalArgumentException("unknown type " + t);
  }

  /** A name or text: null prints as {@code -}, otherwise double-quoted with backslash escapes. */
  private static String quote(String s) {
    if (s == null) {
      return "-";
    }
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private void line(String s) {
    out.append("  ".repeat(indent)).append(s).append('\n');
  }
}
