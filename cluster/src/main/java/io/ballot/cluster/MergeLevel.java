package io.ballot.cluster;

import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction2;
import scala.Tuple2;

/**
 * The executors' side of a level's end, one task per partition: the successor blocks shuffled to the partition are
 * checked against the partition's {@link SeenSet} (co-partitioned: read in place, never shuffled) and merged into a
 * {@link StateTable} (duplicates from different tasks: the least parent link kept); the new states are checked as the
 * local explorer checks a state when it stores it ({@link #check}) and become the partition's block of the new level.
 * The partition's statistics go to the level's {@link StatsAccumulator}.
 */
final class MergeLevel
    implements FlatMapFunction2<Iterator<Tuple2<Integer, StateBlock>>, Iterator<SeenSet>, StateBlock> {
  private static final long serialVersionUID = 1L;

  private final ModelSpec spec;
  private final int level;
  private final int maxErrors;
  private final StatsAccumulator stats;

  MergeLevel(ModelSpec spec, int level, int maxErrors, StatsAccumulator stats) {
    this.spec = spec;
    this.level = level;
    this.maxErrors = maxErrors;
    this.stats = stats;
  }

  @Override
  public Iterator<StateBlock> call(Iterator<Tuple2<Integer, StateBlock>> blocks, Iterator<SeenSet> seenSets) {
    TaskContext task = TaskContext.get();
    LoadedModel m = LoadedModels.get(spec);
    PartStats st = new PartStats(task == null ? 0 : task.partitionId(), m.ts.ruleCount(), m.coverCounters(),
        maxErrors);
    int words = m.ts.layout().words();
    SeenSet seen = seenSets.next();
    StateTable table = new StateTable(words, 1024);
    while (blocks.hasNext()) {
      StateBlock b = blocks.next()._2();
      for (int i = 0; i < b.size; i++) {
        if (!seen.contains(b.states, i * words)) {
          table.offer(b.states, i * words, b.parents, i * words, b.rules[i]);
        }
      }
    }
    StateBlock merged = table.toBlock();
    boolean[] blocked = new boolean[merged.size];
    long[] s = new long[words];
    for (int i = 0; i < merged.size; i++) {
      System.arraycopy(merged.states, i * words, s, 0, words);
      blocked[i] = !check(m, s, level, st);
    }
    st.states = merged.size;
    stats.add(st);
    return List.of(new StateBlock(words, merged.size, merged.states, merged.parents, merged.rules, blocked))
        .iterator();
  }

  /**
   * Checks state {@code words} of {@code level} (the caller's scratch copy: kept only when a violation is found),
   * counting covers into {@code st}: invariants in order (the first that fails or errs is a violation, and the state
   * is blocked from expansion) and, if they hold, the top-level covers. False when the state is to be blocked.
   */
  static boolean check(LoadedModel m, long[] words, int level, PartStats st) {
    TransitionSystem ts = m.ts;
    int p = -1;
    try {
      for (int inv : m.invariants) {
        p = inv;
        if (!ts.holds(p, words)) {
          Instance prop = ts.property(p);
          st.found(Found.of(ViolationKind.INVARIANT, prop.describe(), prop.location(),
              "invariant \"" + prop.describe() + "\" failed", new PackedState(words.clone()), level, -1, p));
          return false;
        }
      }
      for (int c : m.covers) {
        p = c;
        if (ts.holds(p, words)) {
          st.coverHits[ts.coverStatementCount() + p]++;
        }
      }
      return true;
    } catch (ModelError e) {
      st.found(Found.of(e.kind(), e.property(), e.location(),
          e.getMessage() + " (in " + ts.property(p).describe() + ")", new PackedState(words.clone()), level, -1, p));
      return false;
    }
  }
}
