package io.ballot.checker.result;

import java.util.List;

/**
 * What a check found: the verdict, the counts (distinct states, rules fired, BFS depth), the time, the violations
 * (at most {@code --max-errors}), cover hit counts, and — when the verdict is INCOMPLETE — why it stopped.
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
    String stopReason) {}
