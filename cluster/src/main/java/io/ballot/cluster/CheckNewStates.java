package io.ballot.cluster;

import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * The executors' check of a level's new states (those not seen before), as the local explorer checks a state when
 * it stores it: invariants in order (the first that fails or errs is a violation, and the state is blocked from
 * expansion) and, if they hold, the top-level covers. Keeps the partitioning; lazy; the partition's statistics go to
 * the level's {@link StatsAccumulator} when it is exhausted.
 */
final class CheckNewStates implements PairFlatMapFunction<Iterator<Tuple2<PackedState, Node>>, PackedState, Node> {
  private static final long serialVersionUID = 1L;

  private final ModelSpec spec;
  private final int level;
  private final int maxErrors;
  private final StatsAccumulator stats;

  CheckNewStates(ModelSpec spec, int level, int maxErrors, StatsAccumulator stats) {
    this.spec = spec;
    this.level = level;
    this.maxErrors = maxErrors;
    this.stats = stats;
  }

  @Override
  public Iterator<Tuple2<PackedState, Node>> call(Iterator<Tuple2<PackedState, Node>> states) {
    TaskContext task = TaskContext.get();
    LoadedModel m = LoadedModels.get(spec);
    PartStats st = new PartStats(task == null ? 0 : task.partitionId(), m.ts.ruleCount(), m.coverCounters(),
        maxErrors);
    return new Iterator<>() {
      private boolean reported;

      @Override
      public boolean hasNext() {
        boolean more = states.hasNext();
        if (!more && !reported) {
          reported = true;
          stats.add(st);
        }
        return more;
      }

      @Override
      public Tuple2<PackedState, Node> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Tuple2<PackedState, Node> s = states.next();
        st.states++;
        return check(m, s._1(), level, st) ? s : new Tuple2<>(s._1(), s._2().block());
      }
    };
  }

  /** Checks state {@code s} of {@code level}, counting covers into {@code st}; false when it is to be blocked. */
  static boolean check(LoadedModel m, PackedState s, int level, PartStats st) {
    TransitionSystem ts = m.ts;
    long[] words = s.wordsUnsafe();
    int p = -1;
    try {
      for (int inv : m.invariants) {
        p = inv;
        if (!ts.holds(p, words)) {
          Instance prop = ts.property(p);
          st.found(Found.of(ViolationKind.INVARIANT, prop.describe(), prop.location(),
              "invariant \"" + prop.describe() + "\" failed", s, level, -1, p));
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
          e.getMessage() + " (in " + ts.property(p).describe() + ")", s, level, -1, p));
      return false;
    }
  }
}
