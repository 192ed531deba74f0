package io.ballot.checker.result;

/** What kind of property a violation breaks; each has its own exit code in the CLI. */
public enum ViolationKind {
  INVARIANT,
  /** A failed {@code assert}, an {@code error} statement, or a run-time error (undefined read, range, ...). */
  ASSERTION,
  DEADLOCK,
  COVER,
  LIVENESS
}
