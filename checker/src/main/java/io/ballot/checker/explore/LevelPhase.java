package io.ballot.checker.explore;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JFR event per phase of a level of {@link BfsExplorer}'s search (expansion, finishing the level's order,
 * handing it to the seen-set, progress and checkpoint): its duration tells the serial phases between levels from
 * the parallel ones. Recorded only under a flight recording ({@code -XX:StartFlightRecording}, summed by {@code
 * bench/jfr-threads.py}); otherwise a few allocations per level.
 */
@Name("io.ballot.LevelPhase")
@Label("Level phase")
@Category("Ballot")
@Description("One phase of one level of the breadth-first search")
@StackTrace(false)
@Enabled(true)
final class LevelPhase extends jdk.jfr.Event {
  @Label("Phase")
  String phase;

  @Label("Depth")
  int depth;

  @Label("States")
  int states;

  /** Starts timing {@code phase} of level {@code depth}, of {@code states} states. */
  static LevelPhase begin(String phase, int depth, int states) {
    LevelPhase e = new LevelPhase();
    e.phase = phase;
    e.depth = depth;
    e.states = states;
    e.begin();
    return e;
  }
}
