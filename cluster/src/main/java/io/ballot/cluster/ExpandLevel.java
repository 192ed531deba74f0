package io.ballot.cluster;

import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.symmetry.Canonicalizer;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * The executors' side of one level: expands each state of a partition of the level (every enabled rule instance), as
 * the local explorer does per state: rule errors and deadlocks are noted as violations at the state, each successor
 * goes through the top-level assumptions (false: dropped; erring: a violation) and is canonicalised under symmetry
 * reduction, then emitted with its parent link. Lazy: successors are produced as Spark's shuffle writer asks for
 * them; the partition's statistics go to the level's {@link StatsAccumulator} when it is exhausted.
 */
final class ExpandLevel implements PairFlatMapFunction<Iterator<Tuple2<PackedState, Node>>, PackedState, Node> {
  private static final long serialVersionUID = 1L;

  private final ModelSpec spec;
  private final int level;
  private final int maxErrors;
  private final StatsAccumulator stats;
  private final TaskFault fault;

  ExpandLevel(ModelSpec spec, int level, int maxErrors, StatsAccumulator stats, TaskFault fault) {
    this.spec = spec;
    this.level = level;
    this.maxErrors = maxErrors;
    this.stats = stats;
    this.fault = fault;
  }

  @Override
  public Iterator<Tuple2<PackedState, Node>> call(Iterator<Tuple2<PackedState, Node>> states) {
    TaskContext task = TaskContext.get();
    int partition = task == null ? 0 : task.partitionId();
    fault.beforeExpansion(level, partition, task == null ? 0 : task.attemptNumber());
    LoadedModel m = LoadedModels.get(spec);
    return new Successors(m, states, new PartStats(partition, m.ts.ruleCount(), m.coverCounters(), maxErrors));
  }

  /** The successors of a partition's states, state by state. */
  private final class Successors implements Iterator<Tuple2<PackedState, Node>> {
    private final LoadedModel m;
    private final TransitionSystem ts;
    private final Iterator<Tuple2<PackedState, Node>> states;
    private final PartStats st;
    private final Canonicalizer canonicalizer;
    private final ArrayDeque<Tuple2<PackedState, Node>> ready = new ArrayDeque<>();
    private final long[] next;
    private final Effects effects;
    private boolean reported;

    Successors(LoadedModel m, Iterator<Tuple2<PackedState, Node>> states, PartStats st) {
      this.m = m;
      this.ts = m.ts;
      this.states = states;
      this.st = st;
      this.canonicalizer = m.symmetry == null ? null : m.symmetry.canonicalizer();
      this.next = new long[ts.layout().words()];
      this.effects = new Effects() {
        @Override
        public void cover(int site) {
          st.coverHits[site]++;
        }

        @Override
        public void put(String text) {}
      };
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && states.hasNext()) {
        Tuple2<PackedState, Node> s = states.next();
        if (!s._2().blocked()) {
          expand(s._1());
        }
      }
      if (ready.isEmpty() && !reported) {
        reported = true;
        stats.add(st);
      }
      return !ready.isEmpty();
    }

    @Override
    public Tuple2<PackedState, Node> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    /** Fires every enabled rule instance in {@code at}. */
    private void expand(PackedState at) {
      long[] state = at.wordsUnsafe();
      st.states++;
      boolean deadlock = true;
      for (int r = 0; r < ts.ruleCount(); r++) {
        try {
          if (!ts.guard(r, state)) {
            continue;
          }
          System.arraycopy(state, 0, next, 0, next.length);
          if (!ts.fire(r, state, next, effects)) {
            continue;
          }
        } catch (ModelError e) {
          st.found(Found.of(e.kind(), e.property(), e.location(),
              e.getMessage() + " (in rule " + ts.rule(r).describe() + ")", at, level, r, -1));
          continue;
        }
        st.rulesFired++;
        st.ruleFires[r]++;
        if (spec.deadlock() != DeadlockMode.STUTTERING || !Arrays.equals(state, next)) {
          deadlock = false;
        }
        admit(at, r);
      }
      if (deadlock && spec.deadlock() != DeadlockMode.OFF) {
        st.found(Found.of(ViolationKind.DEADLOCK, "deadlock", null, "deadlock: no rule can change this state", at,
            level, -1, -1));
      }
    }

    /** Puts successor {@link #next} of {@code parent} by {@code rule} through the assumptions; emits it if it passes. */
    private void admit(PackedState parent, int rule) {
      int p = -1;
      try {
        for (int a : m.assumptions) {
          p = a;
          if (!ts.holds(p, next)) {
            return;
          }
        }
      } catch (ModelError e) {
        st.found(Found.of(e.kind(), e.property(), e.location(), e.getMessage() + " (in an assumption)", parent, level,
            rule, p));
        return;
      }
      long[] s = next.clone();
      if (canonicalizer != null) {
        canonicalizer.canonicalize(s);
      }
      ready.add(new Tuple2<>(new PackedState(s), new Node(parent, rule, false)));
    }
  }
}
