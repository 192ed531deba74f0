package io.ballot.checker.simulate;

/**
 * A walk that violated a property: its number in the run, the start state instance it began in, the rule instances
 * it fired ({@code steps}), and the violation its last state shows.
 */
record WalkRecord(long walk, int start, int[] steps, Found found) {

  /** Whether this walk is to be preferred to {@code other}: shorter, or as long and found earlier in the run. */
  boolean betterThan(WalkRecord other) {
    return other == null || steps.length < other.steps.length
        || (steps.length == other.steps.length && walk < other.walk);
  }
}
