package io.ballot.checker.explore;

import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.Violation;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.symmetry.SymmetryReduction;
import io.ballot.checker.ts.TransitionSystem;
import java.util.List;

/**
 * A violation found by a search that keeps its own parent links (a cluster's), turned into a reported {@link
 * Violation} exactly as {@link BfsExplorer} does: the path of stored states is replayed concretely (under symmetry
 * reduction, in the model's own scalarset values) and the violation confirmed on the trace's last state, else a
 * {@link io.ballot.checker.SoundnessFailure} is thrown. Stateless; safe from any thread.
 */
public final class PathCounterexample {
  private PathCounterexample() {}

  /**
   * The violation of {@code kind} found in the last of {@code states} (stored, possibly canonical, states from a
   * start state on; each reached by {@code steps[k]}, the first by its start state's index), while firing rule
   * instance {@code rule} or evaluating property instance {@code prop} (else -1; both for an assumption that erred on
   * the successor by {@code rule}). {@code run} describes the run's options for a soundness failure's message.
   */
  public static Violation of(TransitionSystem ts, SymmetryReduction symmetry, DeadlockMode deadlock, String run,
      ViolationKind kind, String property, SourceLocation where, String message, int rule, int prop,
      List<long[]> states, int[] steps) {
    SymmetryReduction reduction = symmetry != null && symmetry.reduces() ? symmetry : null;
    TraceBuilder.Trace trace = new TraceBuilder(ts, null, reduction, run).trace(states, steps);
    PendingViolation p = new PendingViolation(kind, property, where, message, states.size() - 1, rule, prop);
    PendingViolation q = new Confirmation(ts, deadlock).confirm(p, trace.last(), run);
    return new Violation(q.kind(), q.property(), q.where(), q.message(), trace.steps());
  }
}
