package io.ballot.checker.explore;

/**
 * Turns a {@link StateStore} record that is a reference to a state (its tree-compressed root pair, {@link
 * TreeStateTable#encode}) back into the state's words. Thread-safe: any thread may decode any record it has read.
 */
interface StateDecoder {
  /** Writes the state that {@code record} names into {@code state} (every word of it). */
  void decode(long record, long[] state);
}
