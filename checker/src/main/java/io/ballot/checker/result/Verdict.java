package io.ballot.checker.result;

/** The outcome of a check. */
public enum Verdict {
  /** Every property holds in every reachable state. */
  HOLDS,
  /** At least one property is violated (see the violations). */
  VIOLATED,
  /** The run stopped at a resource limit before finishing; what was explored is reported. */
  INCOMPLETE
}
