package io.ballot.checker.explore;

import io.ballot.checker.result.Result;
import io.ballot.checker.result.Violation;
import java.util.List;

/**
 * Where the in-memory search hands its states over when its memory nears the limit at a level boundary
 * ({@code --store auto}): the disk search writes them out and continues from that boundary.
 */
public interface LevelSpill {
  /** The stored states, level by level, as the in-memory search holds them at a level boundary. */
  interface Levels {
    int words();

    /** Levels stored; the last is the one to expand next. */
    int count();

    /** The first id of level {@code d}; {@code from(count())} is the id limit. */
    int from(int d);

    /**
     * The ids of the last level in discovery order (the order a search on one thread found them), holes left out;
     * null when that is their id order.
     */
    int[] lastLevelOrder();

    /** Whether id {@code id} is unused (a hole of a thread's block). */
    boolean isHole(int id);

    void get(int id, long[] out);

    /** The parent's id, -1 for a start state. */
    int parent(int id);

    /** The rule or start state instance that made it. */
    int rule(int id);

    /** Whether the state violated an invariant, so is not expanded. */
    boolean blocked(int id);
  }

  /** The search's counters and reports at the boundary. */
  record Carried(List<Violation> violations, long rulesFired, long[] ruleFires, long[] coverHits, int depth,
      double seconds, long peakBytes) {}

  /** The search that continues from the boundary. */
  interface Continuation {
    Result run();
  }

  /**
   * Told instead of a hand-over when, the memory limit near, the search moved its {@code states} (found to depth
   * {@code depth}) to the tree-compressed store and goes on in memory, holding {@code bytesAfter} bytes rather than
   * {@code bytesBefore}; a search that then reaches its limit cannot hand over by id. By default, ignored.
   */
  default void compacted(long states, int depth, long bytesBefore, long bytesAfter) {}

  /** Writes {@code levels} out and returns the search that continues them; called at a level boundary. */
  Continuation spill(Levels levels, Carried carried);
}
