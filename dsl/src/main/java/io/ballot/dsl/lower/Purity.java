package io.ballot.dsl.lower;

import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Function;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Stmt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a function is free of side effects, by Rumur's rule: it takes no {@code var} parameter, and its
 * body (with the functions it calls) assigns, clears or undefines no state variable, and has no {@code put},
 * {@code error} or property statement. Recursive calls are assumed pure while their function is being decided.
 */
final class Purity {
  private final Map<Function, Boolean> decided = new HashMap<>();

  boolean isPure(Function f) {
    Boolean known = decided.get(f);
    if (known != null) {
      return known;
    }
    decided.put(f, true); // provisional, for recursion
    boolean pure =
        f.parameters().stream().noneMatch(p -> p.kind() == Local.Kind.VAR_PARAMETER) && pure(f.body());
    decided.put(f, pure);
    return pure;
  }

  private boolean pure(List<Stmt> body) {
    return body.stream().allMatch(this::pure);
  }

  private boolean pure(Stmt s) {
    if (s instanceof Stmt.Assign a) {
      return !global(a.target()) && pure(a.target()) && pure(a.value());
    } else if (s instanceof Stmt.Clear c) {
      return !global(c.target());
    } else if (s instanceof Stmt.Undefine u) {
      return !global(u.target());
    } else if (s instanceof Stmt.Put || s instanceof Stmt.Error || s instanceof Stmt.PropertyStmt) {
      return false;
    } else if (s instanceof Stmt.If i) {
      return i.clauses().stream().allMatch(c -> (c.condition() == null || pure(c.condition())) && pure(c.body()));
    } else if (s instanceof Stmt.Switch sw) {
      return pure(sw.value()) && sw.cases().stream().allMatch(c -> c.labels().stream().allMatch(this::pure) && pure(c.body()));
    } else if (s instanceof Stmt.For f) {
      return pure(f.body());
    } else if (s instanceof Stmt.While w) {
      return pure(w.condition()) && pure(w.body());
    } else if (s instanceof Stmt.Return r) {
      return r.value() == null || pure(r.value());
    } else if (s instanceof Stmt.Alias a) {
      return pure(a.body());
    } else if (s instanceof Stmt.ProcCall c) {
      return isPure(c.function()) && c.arguments().stream().allMatch(this::pure);
    } else if (s instanceof Stmt.MultisetAdd m) {
      return !global(m.multiset());
    } else if (s instanceof Stmt.MultisetRemove m) {
      return !global(m.multiset());
    } else if (s instanceof Stmt.MultisetRemovePred m) {
      return !global(m.multiset());
    }
    return true;
  }

  private boolean pure(Expr e) {
    if (e instanceof Expr.Call c) {
      return isPure(c.function()) && c.arguments().stream().allMatch(this::pure);
    } else if (e instanceof Expr.MathCall m) {
      return m.arguments().stream().allMatch(this::pure);
    } else if (e instanceof Expr.Unary u) {
      return pure(u.operand());
    } else if (e instanceof Expr.Binary b) {
      return pure(b.left()) && pure(b.right());
    } else if (e instanceof Expr.Ternary t) {
      return pure(t.condition()) && pure(t.then()) && pure(t.otherwise());
    } else if (e instanceof Expr.FieldRef f) {
      return pure(f.record());
    } else if (e instanceof Expr.ElementRef el) {
      return pure(el.array()) && pure(el.index());
    } else if (e instanceof Expr.Quantified q) {
      return pure(q.body());
    }
    return true;
  }

  /** Whether an l-value names (part of) a state variable, through aliases too. */
  private static boolean global(Expr target) {
    if (target instanceof Expr.VarRef) {
      return true;
    } else if (target instanceof Expr.FieldRef f) {
      return global(f.record());
    } else if (target instanceof Expr.ElementRef el) {
      return global(el.array());
    } else if (target instanceof Expr.LocalRef r) {
      return r.local().kind() == Local.Kind.ALIAS || r.local().kind() == Local.Kind.VAR_PARAMETER;
    }
    return false;
  }
}
