package io.ballot.checker.replay;

import java.util.Set;

/**
 * How a replay searches: the rules that may fire without a log line ({@code silentRules}, by name), at most
 * {@code silentSteps} of them between two logged events, and a bound on the number of candidate states kept at
 * once ({@code maxFrontier}: past it the replay stops with an incomplete verdict rather than exhaust memory).
 */
public record ReplayOptions(Set<String> silentRules, int silentSteps, int maxFrontier) {

  public ReplayOptions {
    silentRules = Set.copyOf(silentRules);
    if (silentSteps < 0 || maxFrontier < 1) {
      throw new IllegalArgumentException("silentSteps >= 0 and maxFrontier >= 1 required");
    }
  }

  /** No silent rules, at most a million candidate states. */
  public static final ReplayOptions DEFAULTS = new ReplayOptions(Set.of(), 0, 1_000_000);
}
