package io.ballot.checker.interp;

/**
 * Signals that an {@code assume} failed (possibly inside a function called from an expression): the state being
 * computed is dropped. Unchecked so that it passes through expression evaluation.
 */
final class AssumptionFailed extends RuntimeException {
  AssumptionFailed() {
    super(null, null, false, false);
  }
}
