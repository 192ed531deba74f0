package io.ballot.checker.ts;

import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Rule;
import java.util.List;

/**
 * CMurphi's rule priorities ({@code rule 20 "name"}) over another transition system: a rule instance is enabled
 * when its guard holds and no instance of a smaller priority is enabled in the same state, as in CMurphi's
 * {@code RuleManager::EnabledTransition} and {@code AllNextStates}. Everything else is delegated. Used only for models
 * whose rules do not all have the same priority, so that other models pay nothing.
 */
public final class PrioritizedRules extends ForwardingTransitionSystem {
  /** Priority of each rule instance. */
  private final int[] priority;
  /** Rule instances in increasing priority (stable), to look for an enabled one of smaller priority. */
  private final int[] byPriority;

  private PrioritizedRules(TransitionSystem inner, int[] priority) {
    super(inner);
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
}
