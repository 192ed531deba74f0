package io.ballot.checker.ir;

/**
 * The one traversal of the IR: visits every statement, expression, binder and quantifier of a model in source order
 * (each function's body once, where it is declared, not at its calls). A pass overrides the visit methods for the
 * nodes it cares about and calls {@code super} to go on into their children. Every node kind is handled here
 * explicitly, leaves included: a kind this walker does not know is an {@link IllegalStateException}, never skipped,
 * so a new IR node cannot be silently missed by the passes built on it ({@code IrWalkerTest} checks every kind).
 */
public class IrWalker {

  /** Visits the functions, start states, rules and properties of {@code m}. */
  public void model(Model m) {
    for (Function f : m.functions()) {
      function(f);
    }
    for (StartState s : m.startStates()) {
      s.binders().forEach(this::binder);
      s.body().forEach(this::stmt);
    }
    for (Rule r : m.rules()) {
      r.binders().forEach(this::binder);
      expr(r.guard());
      r.body().forEach(this::stmt);
    }
    for (Property p : m.properties()) {
      p.binders().forEach(this::binder);
      expr(p.condition());
    }
  }

  /** Visits a function's body. */
  public void function(Function f) {
    f.body().forEach(this::stmt);
  }

  /** A rule's quantifier, alias or multiset choice. */
  public void binder(Binder b) {
    if (b instanceof Quantifier q) {
      quantifier(q);
    } else if (b instanceof AliasBinding a) {
      expr(a.value());
    } else if (b instanceof Choose c) {
      expr(c.multiset());
    } else {
      throw unknown("binder", b);
    }
  }

  /** A quantifier's bounds (its range when it ranges over a type: no expressions). */
  public void quantifier(Quantifier q) {
    expr(q.from());
    expr(q.to());
    expr(q.step());
  }

  /** An expression (null, for an absent optional expression, is ignored). */
  public void expr(Expr e) {
    if (e == null || e instanceof Expr.Literal || e instanceof Expr.VarRef || e instanceof Expr.LocalRef
        || e instanceof Expr.Undefined) {
      return;
    }
    if (e instanceof Expr.FieldRef f) {
      expr(f.record());
    } else if (e instanceof Expr.ElementRef el) {
      expr(el.array());
      expr(el.index());
    } else if (e instanceof Expr.Unary u) {
      expr(u.operand());
    } else if (e instanceof Expr.Binary b) {
      expr(b.left());
      expr(b.right());
    } else if (e instanceof Expr.Ternary t) {
      expr(t.condition());
      expr(t.then());
      expr(t.otherwise());
    } else if (e instanceof Expr.Quantified q) {
      quantifier(q.quantifier());
      expr(q.body());
    } else if (e instanceof Expr.Call c) {
      c.arguments().forEach(this::expr);
    } else if (e instanceof Expr.MathCall m) {
      m.arguments().forEach(this::expr);
    } else if (e instanceof Expr.IsUndefined u) {
      expr(u.target());
    } else if (e instanceof Expr.IsMember m) {
      expr(m.value());
    } else if (e instanceof Expr.MultisetCount mc) {
      expr(mc.multiset());
      expr(mc.predicate());
    } else {
      throw unknown("expression", e);
    }
  }

  /** A statement and, in order, the expressions and statements inside it. */
  public void stmt(Stmt s) {
    if (s instanceof Stmt.Error) {
      return;
    }
    if (s instanceof Stmt.Assign a) {
      expr(a.target());
      expr(a.value());
    } else if (s instanceof Stmt.If i) {
      for (Stmt.IfClause c : i.clauses()) {
        expr(c.condition());
        c.body().forEach(this::stmt);
      }
    } else if (s instanceof Stmt.Switch sw) {
      expr(sw.value());
      for (Stmt.SwitchCase c : sw.cases()) {
        c.labels().forEach(this::expr);
        c.body().forEach(this::stmt);
      }
    } else if (s instanceof Stmt.For f) {
      quantifier(f.quantifier());
      f.body().forEach(this::stmt);
    } else if (s instanceof Stmt.While w) {
      expr(w.condition());
      w.body().forEach(this::stmt);
    } else if (s instanceof Stmt.Return r) {
      expr(r.value());
    } else if (s instanceof Stmt.Clear c) {
      expr(c.target());
    } else if (s instanceof Stmt.Undefine u) {
      expr(u.target());
    } else if (s instanceof Stmt.Put p) {
      expr(p.value());
    } else if (s instanceof Stmt.PropertyStmt p) {
      expr(p.condition());
    } else if (s instanceof Stmt.Alias a) {
      a.bindings().forEach(this::binder);
      a.body().forEach(this::stmt);
    } else if (s instanceof Stmt.ProcCall c) {
      c.arguments().forEach(this::expr);
    } else if (s instanceof Stmt.MultisetAdd m) {
      expr(m.element());
      expr(m.multiset());
    } else if (s instanceof Stmt.MultisetRemove m) {
      expr(m.index());
      expr(m.multiset());
    } else if (s instanceof Stmt.MultisetRemovePred m) {
      expr(m.multiset());
      expr(m.predicate());
    } else {
      throw unknown("statement", s);
    }
  }

  private static IllegalStateException unknown(String what, Object node) {
    return new IllegalStateException("IrWalker does not handle the " + what + " kind "
        + (node == null ? "null" : node.getClass().getName()) + ": add it to IrWalker");
  }
}
