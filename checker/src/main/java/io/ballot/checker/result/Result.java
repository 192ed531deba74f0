package io.ballot.checker.result;

import java.util.List;

/**
 * What a check found: the verdict, the counts (distinct states, rules fired, BFS depth), the time, the violations
 * (at most {@code --max-errors}), cover hit counts, and — when the verdict is INCOMPLETE — why it stopped.
 * {@code rules} says how often each rule of the model fired; {@code complete} is true when every reachable state
 * (within the depth bound) was expanded, so that a rule or cover never fired or hit is so in the whole model.
 * {@code storage} says how the states were stored (memory limit and peak; hash compaction and its omission bound).
 * Plain data: reporters read it and nothing else.
 */
public record Result(
    Verdict verdict,
    long states,
    long rulesFired,
    int depth,
    double seconds,
    List<Violation> violations,
    List<CoverCount> covers,
    String stopReason,
    List<RuleCount> rules,
    boolean complete,
    Storage storage) {

  public Result {
    if (storage == null) {
      storage = Storage.UNKNOWN;
    }
  }

  /** A result whose storage is unknown. */
  public Result(
      Verdict verdict,
      long states,
      long rulesFired,
      int depth,
      double seconds,
      List<Violation> violations,
      List<CoverCount> covers,
      String stopReason,
      List<RuleCount> rules,
      boolean complete) {
    this(verdict, states, rulesFired, depth, seconds, violations, covers, stopReason, rules, complete,
        Storage.UNKNOWN);
  }

  /** Whether the verdict holds only probabilistically (hash compaction): see {@link Storage#qualifier()}. */
  public boolean probabilistic() {
    return verdict == Verdict.HOLDS && storage.probabilistic();
  }

  /** A result without rule counts; complete when the verdict is HOLDS. */
  public Result(
      Verdict verdict,
      long states,
      long rulesFired,
      int depth,
      double seconds,
      List<Violation> violations,
      List<CoverCount> covers,
      String stopReason) {
    this(verdict, states, rulesFired, depth, seconds, violations, covers, stopReason, List.of(),
        verdict == Verdict.HOLDS);
  }

  /** The rules that never fired, when the search was complete (else empty: the counts are partial). */
  public List<RuleCount> deadRules() {
    return complete ? rules.stream().filter(r -> r.fires() == 0).toList() : List.of();
  }
}
