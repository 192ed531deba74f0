package io.ballot.checker.checkpoint;

/** Receives a checkpoint's states as they are read, in file order (level by level, each in discovery order). */
public interface StateSink {
  /**
   * State {@code index} of the checkpoint (its words in {@code state}, reused for the next call), reached from state
   * {@code parent} (-1 for a start state) by rule or start-state instance {@code rule}.
   */
  void state(int index, long[] state, int parent, int rule);
}
