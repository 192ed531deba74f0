package io.ballot.checker.explore;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.result.CoverCount;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Storage;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.ts.Tallies;
import io.ballot.checker.ts.TransitionSystem;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The result of a finished search, as every strategy reports it: covers never hit become violations (after a search
 * not stopped early), the depth is that of the first violation's state when there is one, and the verdict and
 * completeness follow from the violations and the stop reason.
 */
public final class SearchOutcome {
  private SearchOutcome() {}

  /** What a search ended with; {@code violations} is added to (the covers not hit). */
  public record Search(List<Violation> violations, AtomicLongArray coverHits, long[] ruleFires, boolean stopped,
      String stopReason, boolean exhausted, int depth, long states, long rulesFired, double seconds) {}

  /** The result of {@code s}, a search of {@code ts} with {@code options}, which held memory as {@code storage}. */
  public static Result of(TransitionSystem ts, CheckOptions options, Search s, Storage storage) {
    List<Violation> violations = s.violations();
    List<CoverCount> covers = Tallies.covers(ts, s.coverHits()::get);
    if (!s.stopped() && violations.size() < options.maxErrors()) {
      for (int i = 0; i < covers.size() && violations.size() < options.maxErrors(); i++) {
        CoverCount c = covers.get(i);
        if (c.hits() == 0) {
          violations.add(new Violation(
              ViolationKind.COVER, c.property(), c.location(), "cover \"" + c.property() + "\" not hit", List.of()));
        }
      }
    }
    int depth = s.depth();
    if (!violations.isEmpty() && !violations.get(0).trace().isEmpty()) {
      depth = violations.get(0).trace().size() - 1; // the depth of the state where the violation was found
    }
    String stopReason = s.stopReason();
    Verdict verdict =
        !violations.isEmpty() ? Verdict.VIOLATED : stopReason != null ? Verdict.INCOMPLETE : Verdict.HOLDS;
    boolean complete = s.exhausted() && stopReason == null && allowCompleteness(violations);
    return new Result(verdict, s.states(), s.rulesFired(), depth, s.seconds(), List.copyOf(violations), covers,
        stopReason, Tallies.ruleCounts(ts, s.ruleFires()), complete, storage);
  }

  /**
   * Whether the violations found leave the search complete: those found during the search block their state from
   * expansion (so its successors may be missing); covers and liveness are judged after a complete search.
   */
  private static boolean allowCompleteness(List<Violation> violations) {
    for (Violation v : violations) {
      if (v.kind() != ViolationKind.COVER && v.kind() != ViolationKind.LIVENESS) {
        return false;
      }
    }
    return true;
  }
}
