package io.ballot.checker.explore.disk;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.explore.Confirmation;
import io.ballot.checker.explore.PendingViolation;
import io.ballot.checker.explore.TraceBuilder;
import io.ballot.checker.result.Violation;
import io.ballot.checker.symmetry.SymmetryReduction;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The disk search's violation reports: each pending violation, in the order given, becomes a {@link Violation} with
 * its shortest trace, rebuilt from the levels' parent links and replayed, and confirmed on it as the in-memory search
 * does ({@link Confirmation}), up to {@code --max-errors}. Keeps, for the checkpoint, the ones reported since it last
 * asked. Used by the thread that runs the search.
 */
final class DiskReports {
  private final CheckOptions options;
  private final SymmetryReduction symmetry;
  private final Levels levels;
  private final int words;
  private final List<Violation> violations;
  private final List<PendingViolation> reported = new ArrayList<>();

  /** Reports into {@code violations} (the search's list), tracing through {@code levels}. */
  DiskReports(CheckOptions options, SymmetryReduction symmetry, Levels levels, int words, List<Violation> violations) {
    this.options = options;
    this.symmetry = symmetry;
    this.levels = levels;
    this.words = words;
    this.violations = violations;
  }

  /**
   * Reports {@code list} in its order until {@code --max-errors} are reported, tracing on {@code now}; {@code record}:
   * keeps the ones reported for {@link #drainReported}. Returns whether {@code --max-errors} are reported.
   */
  boolean settle(List<PendingViolation> list, TransitionSystem now, boolean record) {
    for (PendingViolation p : list) {
      if (violations.size() >= options.maxErrors()) {
        break;
      }
      if (p.at() < 0) {
        violations.add(new Violation(p.kind(), p.property(), p.where(), p.message(), List.of()));
      } else {
        TraceBuilder.Trace trace = trace(now, p.at());
        PendingViolation q = new Confirmation(now, options.deadlock()).confirm(p, trace.last(), runDescription());
        violations.add(new Violation(q.kind(), q.property(), q.where(), q.message(), trace.steps()));
      }
      if (record) {
        reported.add(p);
      }
    }
    return violations.size() >= options.maxErrors();
  }

  /** The violations reported with {@code record} since the last call, in order; forgets them. */
  List<PendingViolation> drainReported() {
    List<PendingViolation> out = List.copyOf(reported);
    reported.clear();
    return out;
  }

  /** The replayed path to state {@code id}, rebuilt from the levels' parent links. */
  private TraceBuilder.Trace trace(TransitionSystem now, long id) {
    List<long[]> states = new ArrayList<>();
    List<Integer> rules = new ArrayList<>();
    for (long s = id; s >= 0; ) {
      long[] v = new long[words];
      levels.state(s, v);
      long link = levels.link(s);
      states.add(0, v);
      rules.add(0, (int) link);
      s = link >> 32;
    }
    return TraceBuilder.forStates(now, symmetry, runDescription())
        .trace(states, rules.stream().mapToInt(Integer::intValue).toArray());
  }

  private String runDescription() {
    return "options: --store disk --threads " + options.threads() + " --symmetry-reduction "
        + options.symmetry().name().toLowerCase(Locale.ROOT) + " --deadlock-detection "
        + options.deadlock().name().toLowerCase(Locale.ROOT)
        + (options.bound() > 0 ? " --bound " + options.bound() : "") + ", engine "
        + options.engine().name().toLowerCase(Locale.ROOT);
  }
}
