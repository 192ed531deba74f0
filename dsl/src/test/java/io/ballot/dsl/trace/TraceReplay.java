package io.ballot.dsl.trace;

import io.ballot.checker.result.TraceStep;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.List;

/**
 * Test oracle for counterexamples: replays a reported trace in the model's own values, independently of the
 * explorer. The first step must be the named start state, and each later step the named rule instance, enabled in
 * the state before and giving exactly the printed state. Shared by the dsl and cli tests (through the test jar).
 */
public final class TraceReplay {
  private TraceReplay() {}

  /** Replays {@code trace}; returns the packed last state, or throws an AssertionError naming the bad step. */
  public static long[] replay(TransitionSystem ts, List<TraceStep> trace, String context) {
    long[] state = null;
    for (int k = 0; k < trace.size(); k++) {
      TraceStep step = trace.get(k);
      long[] found;
      try {
        found = k == 0 ? start(ts, step) : successor(ts, state, step);
      } catch (ModelError e) {
        throw new AssertionError(context + ": step " + k + " fails with a run-time error: " + e.getMessage(), e);
      }
      if (found == null) {
        throw new AssertionError(context + ": step " + k + " (" + step.rule() + " " + step.parameters()
            + ") does not follow from the previous state");
      }
      state = found;
    }
    return state;
  }

  private static long[] start(TransitionSystem ts, TraceStep step) throws ModelError {
    for (int i = 0; i < ts.startCount(); i++) {
      long[] s = new long[ts.layout().words()];
      if (named(ts.start(i), step) && ts.runStart(i, s, Effects.NONE) && ts.render(s).equals(step.state())) {
        return s;
      }
    }
    return null;
  }

  private static long[] successor(TransitionSystem ts, long[] state, TraceStep step) throws ModelError {
    for (int i = 0; i < ts.ruleCount(); i++) {
      if (named(ts.rule(i), step) && ts.guard(i, state)) {
        long[] n = state.clone();
        if (ts.fire(i, state, n, Effects.NONE) && ts.render(n).equals(step.state())) {
          return n;
        }
      }
    }
    return null;
  }

  private static boolean named(Instance i, TraceStep step) {
    return i.name().equals(step.rule()) && i.parameters().equals(step.instanceParameters());
  }
}
