package io.ballot.checker.interp;

import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Binder;
import io.ballot.checker.ir.Choose;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Property;
import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.Rule;
import io.ballot.checker.ir.StartState;
import io.ballot.checker.ir.Stmt;
import io.ballot.checker.ir.Type;
import io.ballot.checker.result.VariableValue;
import io.ballot.checker.state.Bits;
import io.ballot.checker.state.StateLayout;
import io.ballot.checker.state.StateRenderer;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.Instances;
import io.ballot.checker.ts.Instances.Inst;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference implementation of a model's transitions: it interprets the IR directly. Slow but simple; the
 * compiled code is tested against it, and it runs models the compiler cannot handle.
 */
public final class Interpreter implements TransitionSystem {

  private final StateLayout layout;
  private final StateRenderer renderer;
  private final Executor exec;
  private final Evaluator eval;
  private final List<Inst<StartState>> starts = new ArrayList<>();
  private final List<Inst<Rule>> rules = new ArrayList<>();
  private final List<Inst<Property>> properties = new ArrayList<>();
  private final List<Instance> coverStatements = new ArrayList<>();

  public Interpreter(Model model) {
    this.layout = new StateLayout(model);
    this.renderer = new StateRenderer(layout);
    Map<Stmt.PropertyStmt, Integer> sites = new IdentityHashMap<>();
    CoverSites.collect(model, sites, coverStatements);
    this.exec = new Executor(layout, sites);
    this.eval = exec.evaluator();
    starts.addAll(Instances.starts(model));
    rules.addAll(Instances.rules(model));
    properties.addAll(Instances.properties(model));
  }

  /**
   * Binds an instance's binders in a fresh frame over {@code state}. False when a choose names an empty slot (the
   * instance does not exist in this state).
   */
  private boolean bind(Inst<?> inst, Frame f) throws ModelError {
    for (int b = 0; b < inst.binders().size(); b++) {
      Binder binder = inst.binders().get(b);
      if (binder instanceof Quantifier q) {
        eval.bindQuantifier(q, inst.values()[b], f);
      } else if (binder instanceof AliasBinding a) {
        eval.bindAlias(a, f);
      } else if (binder instanceof Choose c) {
        Frame.Ref ms = eval.ref(c.multiset(), f);
        Type.MultisetType mt = (Type.MultisetType) ms.type();
        if (Bits.get(ms.buf(), ms.off() + StateLayout.slotOffset(mt, inst.values()[b]), 1) == 0) {
          return false;
        }
        f.locals.put(c.index(), new Frame.Box(inst.values()[b]));
      }
    }
    return true;
  }

  private void allocate(List<Local> locals, Frame f) {
    for (Local l : locals) {
      f.allocate(l);
    }
  }

  @Override
  public StateLayout layout() {
    return layout;
  }

  @Override
  public int startCount() {
    return starts.size();
  }

  @Override
  public Instance start(int i) {
    return starts.get(i).description();
  }

  @Override
  public boolean runStart(int i, long[] out, Effects fx) throws ModelError {
    Inst<StartState> inst = starts.get(i);
    return execute(inst, inst.source().locals(), inst.source().body(), new Frame(out, fx));
  }

  @Override
  public int ruleCount() {
    return rules.size();
  }

  @Override
  public Instance rule(int i) {
    return rules.get(i).description();
  }

  @Override
  public boolean guard(int i, long[] state) throws ModelError {
    Inst<Rule> inst = rules.get(i);
    Frame f = new Frame(state, Effects.NONE);
    if (!bind(inst, f)) {
      return false;
    }
    Expr g = inst.source().guard();
    try {
      return g == null || eval.truth(g, f);
    } catch (AssumptionFailed e) {
      return false;
    }
  }

  @Override
  public boolean fire(int i, long[] state, long[] next, Effects fx) throws ModelError {
    Inst<Rule> inst = rules.get(i);
    return execute(inst, inst.source().locals(), inst.source().body(), new Frame(next, fx));
  }

  /** Binds the instance's parameters, then runs its body in {@code f}: false when a binding or an assumption fails. */
  private boolean execute(Inst<?> inst, List<Local> locals, List<Stmt> body, Frame f) throws ModelError {
    if (!bind(inst, f)) {
      return false;
    }
    allocate(locals, f);
    try {
      exec.run(body, f);
      return true;
    } catch (AssumptionFailed e) {
      return false;
    }
  }

  @Override
  public int propertyCount() {
    return properties.size();
  }

  @Override
  public Instance property(int i) {
    return properties.get(i).description();
  }

  @Override
  public PropertyKind propertyKind(int i) {
    return properties.get(i).source().kind();
  }

  @Override
  public boolean holds(int i, long[] state) throws ModelError {
    Inst<Property> inst = properties.get(i);
    Frame f = new Frame(state, Effects.NONE);
    if (!bind(inst, f)) {
      return true;
    }
    try {
      return eval.truth(inst.source().condition(), f);
    } catch (AssumptionFailed e) {
      return true;
    }
  }

  @Override
  public int coverStatementCount() {
    return coverStatements.size();
  }

  @Override
  public Instance coverStatement(int site) {
    return coverStatements.get(site);
  }

  @Override
  public List<VariableValue> render(long[] state) {
    return renderer.render(state);
  }
}
