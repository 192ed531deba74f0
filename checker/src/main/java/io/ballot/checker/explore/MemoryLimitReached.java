package io.ballot.checker.explore;

/**
 * Thrown by {@link MemoryBudget#reserve} instead of allocating beyond the limit; the search catches it and stops
 * with the message as its stop reason. No stack trace: it is control flow, not a bug.
 */
final class MemoryLimitReached extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MemoryLimitReached(String reason) {
    super(reason, null, false, false);
  }
}
