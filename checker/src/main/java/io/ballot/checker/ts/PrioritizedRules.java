package io.ballot.checker.ts;

import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.ir.Rule;
import io.ballot.checker.result.VariableValue;
import io.ballot.checker.state.StateLayout;
import java.util.List;

/**
 * CMurphi's rule priorities ({@code rule 20 "name"}) over another transition system: a rule instance is enabled
 * when its guard holds and no instance of a smaller priority is enabled in the same state, as in CMurphi's
 * {@code RuleManager::EnabledTransition} and {@code AllNextStates}. Everything else is delegated. Used only for models
 * whose rules do not all have the same priority, so that other models pay nothing.
 */
public final class PrioritizedRules implements TransitionSystem {
  private final TransitionSystem inner;
  /** Priority of each rule instance. */
  private final int[] priority;
  /** Rule instances in increasing priority (stable), to look for an enabled one of smaller priority. */
  private final int[] byPriority;

  private PrioritizedRules(TransitionSystem inner, int[] priority) {
    this.inner = inner;
    this.priority = priority;
    this.byPriority = java.util.stream.IntStream.range(0, priority.length).boxed()
        .sorted(java.util.Comparator.comparingInt(i -> priority[i])).mapToInt(Integer::intValue).toArray();
  }

  /** {@code ts} itself when every rule of {@code model} has the same priority, else {@code ts} with priorities. */
  public static TransitionSystem wrap(Model model, TransitionSystem ts) {
    List<Instances.Inst<Rule>> rules = Instances.rules(model);
    int[] priority = new int[rules.size()];
    boolean differ = false;
    for (int i = 0; i < priority.length; i++) {
      priority[i] = rules.get(i).source().priority();
      differ |= priority[i] != priority[0];
    }
    return differ ? new PrioritizedRules(ts, priority) : ts;
  }

  @Override
  public boolean guard(int i, long[] state) throws ModelError {
    if (!inner.guard(i, state)) {
      return false;
    }
    for (int r : byPriority) {
      if (priority[r] >= priority[i]) {
        return true;
      }
      if (inner.guard(r, state)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public StateLayout layout() {
    return inner.layout();
  }

  @Override
  public int startCount() {
    return inner.startCount();
  }

  @Override
  public Instance start(int i) {
    return inner.start(i);
  }

  @Override
  public boolean runStart(int i, long[] out, Effects fx) throws ModelError {
    return inner.runStart(i, out, fx);
  }

  @Override
  public int ruleCount() {
    return inner.ruleCount();
  }

  @Override
  public Instance rule(int i) {
    return inner.rule(i);
  }

  @Override
  public boolean fire(int i, long[] state, long[] next, Effects fx) throws ModelError {
    return inner.fire(i, state, next, fx);
  }

  @Override
  public int propertyCount() {
    return inner.propertyCount();
  }

  @Override
  public Instance property(int i) {
    return inner.property(i);
  }

  @Override
  public PropertyKind propertyKind(int i) {
    return inner.propertyKind(i);
  }

  @Override
  public boolean holds(int i, long[] state) throws ModelError {
    return inner.holds(i, state);
  }

  @Override
  public int coverStatementCount() {
    return inner.coverStatementCount();
  }

  @Override
  public Instance coverStatement(int site) {
    return inner.coverStatement(site);
  }

  @Override
  public List<VariableValue> render(long[] state) {
    return inner.render(state);
  }
}
