package io.ballot.dsl.corpus;

import io.ballot.checker.result.CoverCount;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.Violation;

/** One line per result for the corpus comparisons: verdict, counts, every violation step by step, covers, rules. */
final class ResultSummary {
  private ResultSummary() {}

  /** Everything two searches of one model must agree on, less the time. */
  static String of(Result r) {
    StringBuilder b = new StringBuilder();
    b.append(r.verdict()).append(" states=").append(r.states()).append(" rules=").append(r.rulesFired())
        .append(" depth=").append(r.depth());
    for (Violation v : r.violations()) {
      b.append(" | ").append(v.kind()).append(' ').append(v.property()).append(" @").append(v.location())
          .append(": ").append(v.message());
      for (TraceStep t : v.trace()) {
        b.append(" > ").append(t.rule()).append(t.parameters()).append(t.state());
      }
    }
    for (CoverCount c : r.covers()) {
      b.append(" | cover ").append(c.property()).append('=').append(c.hits());
    }
    b.append(" | rules ").append(r.rules()).append(" complete=").append(r.complete()).append(' ')
        .append(r.stopReason());
    return b.toString();
  }
}
