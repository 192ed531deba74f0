package io.ballot.checker.simulate;

import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Re-executes a walk concretely from its start state, rule by rule, checking every state as the walk did ({@link
 * StateVisitor}): to tell whether a shortened walk still shows a violation, and to print a walk as a trace. A step
 * whose rule is not enabled, is assumed away or does not change the state makes the walk invalid. Not thread-safe.
 */
final class WalkReplay {
  private final TransitionSystem ts;
  private final StateVisitor visitor;
  private final long[] state;
  private final long[] next;
  /** States checked by every replay so far (the cost of shortening). */
  long statesReplayed;

  WalkReplay(TransitionSystem ts, DeadlockMode deadlock) {
    this.ts = ts;
    this.visitor = new StateVisitor(ts, deadlock, false);
    this.state = new long[ts.layout().words()];
    this.next = new long[state.length];
  }

  /**
   * Runs start state {@code start}, then {@code steps[0 .. n-1]}; returns the number of steps after which the first
   * violation shows, when it is {@code target}; -1 when the walk is invalid, shows another violation first, or
   * none.
   */
  int violatesAfter(int start, int[] steps, int n, Found target) {
    if (!start(start)) {
      return -1;
    }
    for (int k = 0; ; k++) {
      statesReplayed++;
      int wanted = k < n ? steps[k] : -1;
      Found bad = visitor.visit(state, r -> r == wanted, next);
      if (bad != null) {
        return bad.same(target) ? k : -1;
      }
      if (k == n || visitor.chosen != wanted) {
        return -1;
      }
      System.arraycopy(next, 0, state, 0, state.length);
    }
  }

  /** The states along a valid walk, as a trace: the start state's in full, then each rule's. */
  List<TraceStep> trace(int start, int[] steps) {
    List<TraceStep> out = new ArrayList<>();
    if (!run(start, steps, (k, s, put) -> out.add(step(k == 0 ? ts.start(start) : ts.rule(steps[k - 1]), s, put)))) {
      throw new IllegalStateException("a shortened walk no longer replays");
    }
    return out;
  }

  /** The {@link HyperLogLog#hash} of each state along the walk, the start state's first; null if it does not fire. */
  long[] stateHashes(int start, int[] steps) {
    long[] out = new long[steps.length + 1];
    return run(start, steps, (k, s, put) -> out[k] = HyperLogLog.hash(s)) ? out : null;
  }

  /** What is done with the state after {@code k} steps ({@code put}: what the step put; the start's is empty). */
  private interface Each {
    void state(int k, long[] s, List<String> put);
  }

  /** Runs the walk without checking its states, passing each to {@code each}; false if a step does not fire. */
  private boolean run(int start, int[] steps, Each each) {
    if (!start(start)) {
      return false;
    }
    each.state(0, state, List.of());
    for (int k = 0; k < steps.length; k++) {
      System.arraycopy(state, 0, next, 0, state.length);
      List<String> put = new ArrayList<>();
      Effects fx = new Effects() {
        @Override
        public void cover(int site) {}

        @Override
        public void put(String text) {
          put.add(text);
        }
      };
      try {
        if (!ts.guard(steps[k], state) || !ts.fire(steps[k], state, next, fx)) {
          return false;
        }
      } catch (ModelError e) {
        return false;
      }
      System.arraycopy(next, 0, state, 0, state.length);
      each.state(k + 1, state, put);
    }
    return true;
  }

  private TraceStep step(Instance what, long[] s, List<String> put) {
    return new TraceStep(what.name(), what.parameters(), ts.render(s), what.location(), null, put);
  }

  /** Runs start state {@code i} into {@link #state}; false when it is assumed away or errs. */
  private boolean start(int i) {
    Arrays.fill(state, 0);
    try {
      return ts.runStart(i, state, Effects.NONE) && visitor.assumed(state);
    } catch (ModelError e) {
      return false;
    }
  }
}
