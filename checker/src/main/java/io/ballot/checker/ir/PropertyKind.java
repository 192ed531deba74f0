package io.ballot.checker.ir;

/** The kinds of property, at top level or as a statement. */
public enum PropertyKind {
  /** {@code invariant} at top level, {@code assert} in statements: must hold. */
  ASSERTION,
  /** {@code assume}: states where it fails are dropped. */
  ASSUMPTION,
  /** {@code cover}: must be hit at least once. */
  COVER,
  /** {@code liveness}: from every reachable state, a state satisfying it is reachable. */
  LIVENESS
}
