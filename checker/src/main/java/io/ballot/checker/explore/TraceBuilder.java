package io.ballot.checker.explore;

import io.ballot.checker.result.TraceStep;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rebuilds the path to a stored state from the parent links, replaying each step (the start state, then each rule)
 * so that every printed state is one the model really produces from the previous one.
 */
final class TraceBuilder {
  private final TransitionSystem ts;
  private final StateStore store;

  TraceBuilder(TransitionSystem ts, StateStore store) {
    this.ts = ts;
    this.store = store;
  }

  List<TraceStep> trace(int id) {
    List<Integer> path = new ArrayList<>();
    for (int s = id; s >= 0; s = store.parent(s)) {
      path.add(0, s);
    }
    List<TraceStep> steps = new ArrayList<>();
    int words = store.words();
    long[] current = new long[words];
    long[] stored = new long[words];
    for (int k = 0; k < path.size(); k++) {
      int s = path.get(k);
      int rule = store.rule(s);
      long[] next = new long[words];
      Instance step;
      try {
        if (k == 0) {
          step = ts.start(rule);
          ts.runStart(rule, next, Effects.NONE);
        } else {
          step = ts.rule(rule);
          System.arraycopy(current, 0, next, 0, words);
          ts.fire(rule, current, next, Effects.NONE);
        }
      } catch (ModelError e) {
        throw new IllegalStateException("replaying a trace failed where exploring succeeded", e);
      }
      store.get(s, stored);
      if (!Arrays.equals(next, stored)) {
        throw new IllegalStateException("replaying " + step.describe() + " did not reproduce the stored state");
      }
      steps.add(new TraceStep(step.name(), step.parameters(), ts.render(next)));
      current = next;
    }
    return steps;
  }
}
