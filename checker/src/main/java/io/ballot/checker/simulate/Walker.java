package io.ballot.checker.simulate;

import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One thread's walks: it runs the walks whose numbers it is handed, checking every state it visits ({@link
 * StateVisitor}), and keeps its own counts and distinct-state sketch, merged by the {@link Simulator} at the end.
 */
final class Walker {
  private final TransitionSystem ts;
  private final SimulationOptions options;
  private final int[] starts;
  final StateVisitor visitor;
  final HyperLogLog distinct = new HyperLogLog();
  /** States visited (each visit of a state counts), walks finished, walks that ended before their depth. */
  long visits;
  long walks;
  long deadEnds;
  long rulesFired;
  /** The most firings of any walk. */
  int deepest;
  private final int[] steps;
  private long[] state;
  private long[] next;

  /** {@code starts}: the start state instances a walk may begin in (those the model's assumptions admit). */
  Walker(TransitionSystem ts, SimulationOptions options, int[] starts) {
    this.ts = ts;
    this.options = options;
    this.starts = starts;
    this.visitor = new StateVisitor(ts, options.check().deadlock(), true);
    this.steps = new int[options.depth()];
    this.state = new long[ts.layout().words()];
    this.next = new long[state.length];
  }

  /**
   * Runs walk number {@code walk}; a violation goes to {@code violations}. Stops early, the walk left unfinished and
   * uncounted, when {@code stop} says so.
   */
  void walk(long walk, BooleanSupplier stop, Consumer<WalkRecord> violations) {
    Swarm swarm = new Swarm(options.seed(), walk, ts.ruleCount());
    int start = starts[swarm.nextInt(starts.length)];
    Arrays.fill(state, 0);
    try {
      ts.runStart(start, state, io.ballot.checker.ts.Effects.NONE);
    } catch (ModelError e) {
      throw new IllegalStateException("start state " + start + " erred after it ran cleanly", e);
    }
    int n = 0;
    while (true) {
      if (stop.getAsBoolean()) {
        return;
      }
      visits++;
      distinct.add(HyperLogLog.hash(state));
      Found bad = visitor.visit(state, swarm.reset(), next);
      rulesFired += visitor.fired;
      if (bad != null) {
        violations.accept(new WalkRecord(walk, start, Arrays.copyOf(steps, n), bad));
        break;
      }
      if (visitor.chosen < 0) {
        deadEnds++;
        break;
      }
      if (n == steps.length) {
        break;
      }
      steps[n++] = visitor.chosen;
      long[] t = state;
      state = next;
      next = t;
    }
    walks++;
    deepest = Math.max(deepest, n);
  }
}
