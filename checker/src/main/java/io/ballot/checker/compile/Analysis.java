package io.ballot.checker.compile;

import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Binder;
import io.ballot.checker.ir.Choose;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Function;
import io.ballot.checker.ir.IrWalker;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Property;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.Rule;
import io.ballot.checker.ir.StartState;
import io.ballot.checker.ir.Stmt;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Facts about a model the generator needs: which locals are ever written, and sizes of code. */
final class Analysis {
  private Analysis() {}

  /**
   * The locals that are the root of a place written to (assigned, cleared, undefined, passed as a var argument,
   * changed as a multiset), looking through aliases. A quantifier not in this set never changes while bound.
   */
  static Set<Local> mutatedLocals(Model model) {
    Map<Local, Expr> aliases = new IdentityHashMap<>();
    Consumer<AliasBinding> collect = a -> {
      if (a.value().isLValue()) {
        aliases.put(a.alias(), a.value());
      }
    };
    IrWalker aliasWalker = new IrWalker() {
      @Override
      public void binder(Binder b) {
        if (b instanceof AliasBinding a) {
          collect.accept(a);
        }
        super.binder(b);
      }
    };
    aliasWalker.model(model);
    Set<Local> out = Collections.newSetFromMap(new IdentityHashMap<>());
    IrWalker writes = new IrWalker() {
      void root(Expr e) {
        if (e instanceof Expr.LocalRef l) {
          if (out.add(l.local()) && aliases.containsKey(l.local())) {
            root(aliases.get(l.local()));
          }
        } else if (e instanceof Expr.FieldRef f) {
          root(f.record());
        } else if (e instanceof Expr.ElementRef el) {
          root(el.array());
        } else if (e instanceof Expr.Ternary t) {
          root(t.then());
          root(t.otherwise());
        }
      }

      void args(Function f, List<Expr> args) {
        for (int i = 0; i < args.size() && i < f.parameters().size(); i++) {
          if (f.parameters().get(i).kind() == Local.Kind.VAR_PARAMETER) {
            root(args.get(i));
          }
        }
      }

      @Override
      public void expr(Expr e) {
        if (e instanceof Expr.Call c) {
          args(c.function(), c.arguments());
        }
        super.expr(e);
      }

      @Override
      public void stmt(Stmt s) {
        if (s instanceof Stmt.Assign a) {
          root(a.target());
        } else if (s instanceof Stmt.Clear c) {
          root(c.target());
        } else if (s instanceof Stmt.Undefine u) {
          root(u.target());
        } else if (s instanceof Stmt.ProcCall c) {
          args(c.function(), c.arguments());
        } else if (s instanceof Stmt.MultisetAdd m) {
          root(m.multiset());
        } else if (s instanceof Stmt.MultisetRemove m) {
          root(m.multiset());
        } else if (s instanceof Stmt.MultisetRemovePred m) {
          root(m.multiset());
        }
        super.stmt(s);
      }
    };
    writes.model(model);
    return out;
  }

  /** Whether {@code s} contains a {@code return} statement. */
  static boolean containsReturn(Stmt s) {
    boolean[] found = {false};
    new IrWalker() {
      @Override
      public void stmt(Stmt x) {
        if (x instanceof Stmt.Return) {
          found[0] = true;
        }
        super.stmt(x);
      }
    }.stmt(s);
    return found[0];
  }

  /** Number of IR nodes of an expression (0 for null). */
  static long size(Expr e) {
    long[] n = {0};
    if (e != null) {
      new IrWalker() {
        @Override
        public void expr(Expr x) {
          n[0]++;
          super.expr(x);
        }
      }.expr(e);
    }
    return n[0];
  }

  /** Number of IR nodes of a body. */
  static long sizeOf(List<Stmt> body) {
    long[] n = {0};
    IrWalker w = new IrWalker() {
      @Override
      public void expr(Expr x) {
        n[0]++;
        super.expr(x);
      }

      @Override
      public void stmt(Stmt s) {
        n[0]++;
        super.stmt(s);
      }
    };
    body.forEach(w::stmt);
    return n[0];
  }
}
