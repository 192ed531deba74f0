package io.ballot.checker.compile;

import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Binder;
import io.ballot.checker.ir.Choose;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Function;
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
    Walker aliasWalker = new Walker() {
      @Override
      void binder(Binder b) {
        if (b instanceof AliasBinding a) {
          collect.accept(a);
        }
        super.binder(b);
      }

      @Override
      void stmt(Stmt s) {
        if (s instanceof Stmt.Alias a) {
          a.bindings().forEach(collect);
        }
        super.stmt(s);
      }
    };
    aliasWalker.model(model);
    Set<Local> out = Collections.newSetFromMap(new IdentityHashMap<>());
    Walker writes = new Walker() {
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
      void expr(Expr e) {
        if (e instanceof Expr.Call c) {
          args(c.function(), c.arguments());
        }
        super.expr(e);
      }

      @Override
      void stmt(Stmt s) {
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
    new Walker() {
      @Override
      void stmt(Stmt x) {
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
      new Walker() {
        @Override
        void expr(Expr x) {
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
    Walker w = new Walker() {
      @Override
      void expr(Expr x) {
        n[0]++;
        super.expr(x);
      }

      @Override
      void stmt(Stmt s) {
        n[0]++;
        super.stmt(s);
      }
    };
    body.forEach(w::stmt);
    return n[0];
  }

  /** Visits every statement, expression and binder of a model (functions' bodies once each). */
  static class Walker {
    void model(Model m) {
      for (Function f : m.functions()) {
        f.body().forEach(this::stmt);
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

    void binder(Binder b) {
      if (b instanceof Quantifier q) {
        quantifier(q);
      } else if (b instanceof AliasBinding a) {
        expr(a.value());
      } else if (b instanceof Choose c) {
        expr(c.multiset());
      }
    }

    void quantifier(Quantifier q) {
      expr(q.from());
      expr(q.to());
      expr(q.step());
    }

    void expr(Expr e) {
      if (e == null) {
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
      }
    }

    void stmt(Stmt s) {
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
        for (AliasBinding b : a.bindings()) {
          expr(b.value());
        }
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
      }
    }
  }
}
