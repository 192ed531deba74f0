package io.ballot.checker.replay;

import java.util.Set;

/**
 * How a replay searches: the rules that may fire without a log line ({@code silentRules}, by name), at most
 * {@code silentSteps} of them between two logged events, a bound on the number of candidate states kept at
 * once ({@code maxFrontier}: past it the replay stops with an incomplete verdict rather than exhaust memory), and
 * whether the frontier is reduced under the scalarset permutations that fix what the logs named ({@code symmetry},
 * see {@link LogSymmetry}).
 */
public record ReplayOptions(Set<String> silentRules, int silentSteps, int maxFrontier, boolean symmetry) {

  public ReplayOptions {
    silentRules = Set.copyOf(silentRules);
    if (silentSteps < 0 || maxFrontier < 1) {
      throw new IllegalArgumentException("silentSteps >= 0 and maxFrontier >= 1 required");
    }
  }

  /** The options, with symmetry reduction. */
  public ReplayOptions(Set<String> silentRules, int silentSteps, int maxFrontier) {
    this(silentRules, silentSteps, maxFrontier, true);
  }

  /** The same options, with symmetry reduction on or off. */
  public ReplayOptions withSymmetry(boolean on) {
    return new ReplayOptions(silentRules, silentSteps, maxFrontier, on);
  }

  /** No silent rules, at most a million candidate states, symmetry reduction. */
  public static final ReplayOptions DEFAULTS = new ReplayOptions(Set.of(), 0, 1_000_000);
}
