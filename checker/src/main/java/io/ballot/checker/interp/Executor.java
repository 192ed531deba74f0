package io.ballot.checker.interp;

import static io.ballot.checker.interp.Storage.copyOf;
import static io.ballot.checker.interp.Storage.isValue;
import static io.ballot.checker.interp.Storage.realIndex;
import static io.ballot.checker.interp.Storage.width;

import io.ballot.checker.interp.Frame.Box;
import io.ballot.checker.interp.Frame.Ref;
import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Function;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Stmt;
import io.ballot.checker.ir.Type;
import io.ballot.checker.ir.UndefinedCopies;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.state.Bits;
import io.ballot.checker.state.RealValues;
import io.ballot.checker.state.StateLayout;
import io.ballot.checker.state.StoredValues;
import io.ballot.checker.state.Values;
import io.ballot.checker.ts.ModelError;
import java.util.List;
import java.util.Map;

/**
 * Executes IR statements and calls functions over a packed state, with Rumur's semantics: storing a value outside
 * its type, a failed assertion and a function that ends without returning are errors. Expressions are evaluated by
 * an {@link Evaluator}, which calls back here for function calls; records, arrays and multisets are handled through
 * {@link Ref}s into the state or into a frame's own buffer.
 */
final class Executor {
  private final Map<Stmt.PropertyStmt, Integer> coverSites;
  private final Storage storage;
  private final Evaluator eval;
  /** Integers are unsigned 64-bit (Rumur's uint64_t value type). */
  private final boolean unsigned;

  Executor(StateLayout layout, Map<Stmt.PropertyStmt, Integer> coverSites) {
    this.coverSites = coverSites;
    this.unsigned = layout.unsignedValues();
    this.storage = new Storage(unsigned);
    this.eval = new Evaluator(layout, storage, this::call);
  }

  /** The expression evaluator statements are run with (guards, properties and binders use it directly). */
  Evaluator evaluator() {
    return eval;
  }

  /** Runs a body; true when it executed {@code return}. */
  boolean run(List<Stmt> body, Frame f) throws ModelError {
    for (Stmt s : body) {
      if (exec(s, f)) {
        return true;
      }
    }
    return false;
  }

  private boolean exec(Stmt s, Frame f) throws ModelError {
    if (s instanceof Stmt.Assign a) {
      Ref target = eval.ref(a.target(), f);
      if (UndefinedCopies.copies(a.value(), f.aliasValues::get) && eval.isUndefinedStorage(a.value(), f)) {
        Bits.clear(target.buf(), target.off(), width(target.type())); // CMurphi: the copy is undefined too
      } else {
        eval.assign(target, a.value(), f);
      }
    } else if (s instanceof Stmt.If i) {
      for (Stmt.IfClause c : i.clauses()) {
        if (c.condition() == null || eval.truth(c.condition(), f)) {
          return run(c.body(), f);
        }
      }
    } else if (s instanceof Stmt.Switch sw) {
      return switchStmt(sw, f);
    } else if (s instanceof Stmt.For loop) {
      return forLoop(loop, f);
    } else if (s instanceof Stmt.While w) {
      while (eval.truth(w.condition(), f)) {
        if (run(w.body(), f)) {
          return true;
        }
      }
    } else if (s instanceof Stmt.Return r) {
      if (r.value() != null) {
        if (f.returnType instanceof Type.RealType rt) {
          f.returned = RealValues.bits(RealValues.value(rt, realIndex(rt, eval.real(r.value(), f), r.location())));
        } else {
          f.returned = isValue(r.value().type()) ? (Object) eval.value(r.value(), f) : copyOf(eval.ref(r.value(), f));
        }
      }
      return true;
    } else if (s instanceof Stmt.Clear c) {
      Ref r = eval.ref(c.target(), f);
      StoredValues.clear(r.buf(), r.off(), r.type());
    } else if (s instanceof Stmt.Undefine u) {
      Ref r = eval.ref(u.target(), f);
      Bits.clear(r.buf(), r.off(), width(r.type()));
    } else if (s instanceof Stmt.Put p) {
      put(p, f);
    } else if (s instanceof Stmt.Error e) {
      throw new ModelError(ViolationKind.ASSERTION, e.message(), "error \"" + e.message() + "\"", e.location());
    } else if (s instanceof Stmt.PropertyStmt p) {
      propertyStmt(p, f);
    } else if (s instanceof Stmt.Alias a) {
      for (AliasBinding b : a.bindings()) {
        eval.bindAlias(b, f);
      }
      return run(a.body(), f);
    } else if (s instanceof Stmt.ProcCall c) {
      call(c.function(), c.arguments(), f, c.location());
    } else if (s instanceof Stmt.MultisetAdd m) {
      multisetAdd(m, f);
    } else if (s instanceof Stmt.MultisetRemove m) {
      Ref ms = eval.ref(m.multiset(), f);
      long slot = eval.value(m.index(), f);
      Type.MultisetType mt = (Type.MultisetType) ms.type();
      int at = slot >= 0 && slot < mt.capacity() ? ms.off() + StateLayout.slotOffset(mt, slot) : -1;
      if (at < 0 || Bits.get(ms.buf(), at, 1) == 0) { // as CMurphi: "Illegal Multiset element selected"
        throw ModelError.runtime(ModelError.NOT_IN_MULTISET, m.location());
      }
      Bits.clear(ms.buf(), at, 1 + mt.element().bitWidth());
    } else if (s instanceof Stmt.MultisetRemovePred m) {
      Ref ms = eval.ref(m.multiset(), f);
      Type.MultisetType mt = (Type.MultisetType) ms.type();
      for (long slot = 0; slot < mt.capacity(); slot++) {
        int at = ms.off() + StateLayout.slotOffset(mt, slot);
        if (Bits.get(ms.buf(), at, 1) != 0) {
          f.locals.put(m.index(), new Box(slot));
          if (eval.truth(m.predicate(), f)) {
            Bits.clear(ms.buf(), at, 1 + mt.element().bitWidth());
          }
        }
      }
    } else {
      throw new IllegalStateException("statement " + s);
    }
    return false;
  }

  private void put(Stmt.Put p, Frame f) throws ModelError {
    if (p.text() != null) {
      f.fx.put(p.text().replace("\\n", "\n").replace("\\t", "\t").replace("\\\"", "\"").replace("\\\\", "\\"));
    } else if (p.value().isLValue() && !f.isBoxed(p.value())) {
      Ref r = eval.ref(p.value(), f);
      f.fx.put(StoredValues.render(r.buf(), r.off(), r.type(), unsigned));
    } else if (isValue(p.value().type())) {
      f.fx.put(Values.text(p.value().type(), eval.value(p.value(), f), unsigned));
    } else {
      f.fx.put(p.value().toString());
    }
  }

  private void propertyStmt(Stmt.PropertyStmt p, Frame f) throws ModelError {
    boolean holds = eval.truth(p.condition(), f);
    switch (p.kind()) {
      case ASSERTION -> {
        if (!holds) {
          String name = p.name() != null ? p.name() : "assertion";
          throw new ModelError(ViolationKind.ASSERTION, name, "assertion \"" + name + "\" failed", p.location());
        }
      }
      case ASSUMPTION -> {
        if (!holds) {
          throw new AssumptionFailed();
        }
      }
      case COVER -> {
        if (holds) {
          f.fx.cover(coverSites.get(p));
        }
      }
      case LIVENESS -> throw new IllegalStateException("liveness statements are rejected by the front end");
    }
  }

  private boolean switchStmt(Stmt.Switch sw, Frame f) throws ModelError {
    Type t = sw.value().type();
    long v = eval.value(sw.value(), f);
    for (Stmt.SwitchCase c : sw.cases()) {
      if (c.labels().isEmpty()) {
        return run(c.body(), f);
      }
      for (Expr label : c.labels()) {
        if (Evaluator.equalSimple(v, t, eval.value(label, f), label.type(), label.location())) {
          return run(c.body(), f);
        }
      }
    }
    return false;
  }

  private boolean forLoop(Stmt.For loop, Frame f) throws ModelError {
    Quantifier q = loop.quantifier();
    if (q.overType()) {
      for (long i = 0; i < q.type().cardinality(); i++) {
        eval.bindQuantifier(q, Values.value(q.type(), i), f);
        if (run(loop.body(), f)) {
          return true;
        }
      }
      return false;
    }
    long from = eval.value(q.from(), f);
    long to = eval.value(q.to(), f);
    long step = q.step() == null ? 1 : eval.value(q.step(), f);
    if (step == 0) {
      throw ModelError.runtime("infinite loop due to 0 step", q.location());
    }
    for (long i = from; IntegerArithmetic.inBounds(unsigned, i, to, step); i += step) {
      eval.bindQuantifier(q, i, f);
      if (run(loop.body(), f)) {
        return true;
      }
      if (IntegerArithmetic.lastStep(unsigned, i, step)) {
        break;
      }
    }
    return false;
  }

  private void multisetAdd(Stmt.MultisetAdd m, Frame f) throws ModelError {
    Ref ms = eval.ref(m.multiset(), f);
    Type.MultisetType mt = (Type.MultisetType) ms.type();
    for (long slot = 0; slot < mt.capacity(); slot++) {
      int at = ms.off() + StateLayout.slotOffset(mt, slot);
      if (Bits.get(ms.buf(), at, 1) == 0) {
        Bits.set(ms.buf(), at, 1, 1);
        eval.assign(new Ref(ms.buf(), at + 1, mt.element()), m.element(), f);
        return;
      }
    }
    throw ModelError.runtime("multiset is full: no room to add an element", m.location());
  }

  // ------------------------------------------------------------------------------------------ calls

  /** Calls a function or procedure; returns its value (Long or Ref) or null. */
  Object call(Function fn, List<Expr> args, Frame caller, SourceLocation at) throws ModelError {
    Frame callee = new Frame(caller.state, caller.fx);
    callee.returnType = fn.returnType();
    for (int i = 0; i < args.size(); i++) {
      Local p = fn.parameters().get(i);
      Expr arg = args.get(i);
      if (arg instanceof Expr.Undefined) {
        callee.allocate(p); // CMurphi's UNDEFINED: the parameter starts undefined
      } else if (p.kind() == Local.Kind.VAR_PARAMETER) {
        callee.locals.put(p, eval.ref(arg, caller));
      } else {
        Ref slot = callee.allocate(p);
        if (p.type().isSimple()) {
          if (arg.isLValue() && eval.isUndefinedStorage(arg, caller)) {
            continue; // an undefined argument stays undefined in the parameter
          }
          storage.store(slot, eval.value(arg, caller), arg.type(), arg.location());
        } else {
          Ref from = eval.ref(arg, caller);
          Bits.copy(from.buf(), from.off(), slot.buf(), 0, p.type().bitWidth());
        }
      }
    }
    for (Local l : fn.locals()) {
      callee.allocate(l);
    }
    run(fn.body(), callee);
    if (!fn.isProcedure() && callee.returned == null) {
      throw ModelError.runtime("the end of function " + fn.name() + " was reached without returning a value", at);
    }
    return callee.returned;
  }
}
