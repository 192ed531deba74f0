package io.ballot.checker.simulate;

import io.ballot.checker.result.Result;

/**
 * What a simulation found: a {@link Result} as a check reports it (so every reporter reads it), whose
 * {@code states} is the estimated number of distinct states visited, whose rule counts say how often each rule
 * fired in the states visited, whose verdict is {@code VIOLATED} or else {@code INCOMPLETE} (a simulation proves
 * nothing), and which is never {@code complete}; and the walks' statistics.
 *
 * @param walks walks finished
 * @param walksAsked walks the run was asked for
 * @param depth the most firings a walk was allowed
 * @param seed the run's seed
 * @param threads the threads that walked
 * @param statesVisited state visits over all walks (a state visited twice counts twice)
 * @param distinctStates the estimated number of distinct states visited ({@link HyperLogLog})
 * @param distinctError the estimate's relative standard error
 * @param deadEnds walks that ended before their depth in a state with no successor that changes it
 * @param deepest the most firings of any walk
 * @param walkFound firings of the shortest violating walk found (-1: none)
 * @param candidatesTried walks replayed while shortening it
 */
public record SimulationResult(
    Result result,
    long walks,
    long walksAsked,
    int depth,
    long seed,
    int threads,
    long statesVisited,
    long distinctStates,
    double distinctError,
    long deadEnds,
    int deepest,
    int walkFound,
    int candidatesTried) {

  /** This result with {@code r} in place of its check result (the same statistics). */
  public SimulationResult withResult(Result r) {
    return new SimulationResult(r, walks, walksAsked, depth, seed, threads, statesVisited, distinctStates,
        distinctError, deadEnds, deepest, walkFound, candidatesTried);
  }

  /** State visits per second over the run. */
  public double statesPerSecond() {
    return statesVisited / Math.max(result.seconds(), 1e-3);
  }

  /** Firings of the reported violating walk after shortening (-1: none): its trace has one step more. */
  public int walkShortened() {
    return walkFound < 0 || result.violations().isEmpty() ? -1 : result.violations().get(0).trace().size() - 1;
  }
}
