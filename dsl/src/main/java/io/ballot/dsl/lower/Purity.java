package io.ballot.dsl.lower;

import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Function;
import io.ballot.checker.ir.IrWalker;
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
    boolean[] pure = {true};
    IrWalker walker = new IrWalker() {
      @Override
      public void stmt(Stmt s) {
        if (s instanceof Stmt.Put || s instanceof Stmt.Error || s instanceof Stmt.PropertyStmt
            || s instanceof Stmt.ProcCall c && !isPure(c.function()) || writesState(s)) {
          pure[0] = false;
        }
        super.stmt(s);
      }

      @Override
      public void expr(Expr e) {
        if (e instanceof Expr.Call c && !isPure(c.function())) {
          pure[0] = false;
        }
        super.expr(e);
      }
    };
    body.forEach(walker::stmt);
    return pure[0];
  }

  /** Whether {@code s} itself assigns, clears, undefines or changes (as a multiset) a state variable. */
  private static boolean writesState(Stmt s) {
    if (s instanceof Stmt.Assign a) {
      return global(a.target());
    } else if (s instanceof Stmt.Clear c) {
      return global(c.target());
    } else if (s instanceof Stmt.Undefine u) {
      return global(u.target());
    } else if (s instanceof Stmt.MultisetAdd m) {
      return global(m.multiset());
    } else if (s instanceof Stmt.MultisetRemove m) {
      return global(m.multiset());
    } else if (s instanceof Stmt.MultisetRemovePred m) {
      return global(m.multiset());
    }
    return false;
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
