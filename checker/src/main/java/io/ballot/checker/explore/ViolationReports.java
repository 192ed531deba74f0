package io.ballot.checker.explore;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.result.Violation;
import io.ballot.checker.symmetry.SymmetryReduction;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The violations a search reports, up to {@code --max-errors}: each one found in a stored state gets its trace
 * ({@link TraceBuilder}) and is confirmed by replaying it ({@link Confirmation}). Used by the thread that runs the
 * search, between levels.
 */
final class ViolationReports {
  private final StateStore store;
  private final SymmetryReduction symmetry; // null: no reduction
  private final CheckOptions options;
  private final List<Violation> violations = new ArrayList<>();

  ViolationReports(StateStore store, SymmetryReduction symmetry, CheckOptions options) {
    this.store = store;
    this.symmetry = symmetry;
    this.options = options;
  }

  /** The violations reported so far, in order; the search may add its own (covers, found after it) to this list. */
  List<Violation> list() {
    return violations;
  }

  /** Whether {@code --max-errors} violations have been reported. */
  boolean full() {
    return violations.size() >= options.maxErrors();
  }

  /**
   * Reports {@code pending}, in its order, until {@link #full}, tracing on {@code now}; adds the ones reported to
   * {@code reported} when it is not null (a checkpoint's record).
   */
  void settle(List<PendingViolation> pending, TransitionSystem now, List<PendingViolation> reported) {
    for (PendingViolation p : pending) {
      if (full()) {
        break;
      }
      if (p.at() < 0) {
        violations.add(new Violation(p.kind(), p.property(), p.where(), p.message(), List.of()));
      } else {
        TraceBuilder.Trace trace = new TraceBuilder(now, store, symmetry, runDescription()).trace(p.at());
        PendingViolation q = new Confirmation(now, options.deadlock()).confirm(p, trace.last(), runDescription());
        violations.add(new Violation(q.kind(), q.property(), q.where(), q.message(), trace.steps()));
      }
      if (reported != null) {
        reported.add(p);
      }
    }
  }

  /** The options a soundness failure is reported with, so that it can be reproduced. */
  private String runDescription() {
    return "options: --threads " + options.threads() + " --symmetry-reduction "
        + options.symmetry().name().toLowerCase(Locale.ROOT) + " --deadlock-detection "
        + options.deadlock().name().toLowerCase(Locale.ROOT)
        + (options.bound() > 0 ? " --bound " + options.bound() : "") + ", engine "
        + options.engine().name().toLowerCase(Locale.ROOT);
  }
}
