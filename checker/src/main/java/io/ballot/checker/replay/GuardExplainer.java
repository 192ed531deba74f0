package io.ballot.checker.replay;

import io.ballot.checker.interp.Interpreter;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Property;
import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.ir.Rule;
import io.ballot.checker.ts.Instances;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which conjunct of a rule instance's guard is false in a state. It evaluates each top-level conjunct of the
 * guard as a property with the rule's binders, on an interpreter of the model with those properties, so that the
 * answer comes from the same semantics as the check.
 */
final class GuardExplainer {
  private final Model model;
  private final List<Instances.Inst<Rule>> rules;
  private final Map<Integer, Derived> derived = new HashMap<>();

  GuardExplainer(Model model) {
    this.model = model;
    this.rules = Instances.rules(model);
  }

  /** The first conjunct of instance {@code i}'s guard that is false (or fails) in {@code state}; null if none. */
  Expr falseConjunct(int i, long[] state) {
    Instances.Inst<Rule> inst = rules.get(i);
    Derived d = derived.computeIfAbsent(inst.sourceIndex(), s -> derive(inst.source()));
    if (d == null) {
      return null;
    }
    int first = i;
    while (first > 0 && rules.get(first - 1).sourceIndex() == inst.sourceIndex()) {
      first--;
    }
    int combo = i - first;
    for (int c = 0; c < d.conjuncts.size(); c++) {
      try {
        if (!d.interpreter.holds(c * d.combos + combo, state)) {
          return d.conjuncts.get(c);
        }
      } catch (Exception | StackOverflowError e) {
        return d.conjuncts.get(c);
      }
    }
    return null;
  }

  private Derived derive(Rule rule) {
    if (rule.guard() == null) {
      return null;
    }
    List<Expr> conjuncts = new ArrayList<>();
    split(rule.guard(), conjuncts);
    List<Property> properties = new ArrayList<>();
    for (Expr c : conjuncts) {
      properties.add(new Property(PropertyKind.ASSERTION, "invariant", null, rule.binders(), c, c.location()));
    }
    try {
      Model m = new Model(model.file(), model.constants(), model.types(), model.variables(), model.functions(),
          model.startStates(), model.rules(), properties, model.unsignedValues(), model.networks());
      Interpreter interpreter = new Interpreter(m);
      int combos = interpreter.propertyCount() / conjuncts.size();
      return new Derived(conjuncts, interpreter, combos);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void split(Expr e, List<Expr> out) {
    if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.AND) {
      split(b.left(), out);
      split(b.right(), out);
    } else {
      out.add(e);
    }
  }

  private record Derived(List<Expr> conjuncts, Interpreter interpreter, int combos) {}
}
