package io.ballot.checker.explore;

/** The set of states seen so far; exploration strategies add to it and look states up by value. */
interface SeenSet {
  /**
   * Adds {@code state} (reached from {@code parent} by {@code rule}) unless an equal state is present, taking its
   * id from the calling thread's {@code appender}. Returns the new state's id, or {@code -1 - id} of the state
   * already present.
   */
  int add(StateStore.Appender appender, long[] state, int parent, int rule);

  /** The id of a state equal to {@code state}, or -1. */
  int find(long[] state);

  /** Number of states in the set. */
  int size();

  /**
   * The level {@code r} names, complete, was renumbered ({@link DiscoveryOrder#finishLevel}; its records already
   * moved): from now on the set gives its states' new ids. Between levels only; {@code parallel} runs the work.
   */
  void renumber(Renumbering r, ParallelParts parallel);
}
