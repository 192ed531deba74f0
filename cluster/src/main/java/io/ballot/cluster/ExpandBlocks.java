package io.ballot.cluster;

import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.symmetry.Canonicalizer;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * The executors' side of one level: expands each state of a partition of the level (every enabled rule instance), as
 * the local explorer does per state: rule errors and deadlocks are noted as violations at the state, each successor
 * goes through the top-level assumptions (false: dropped; erring: a violation) and is canonicalised under symmetry
 * reduction. The successors are gathered per destination partition in a {@link StateTable} (duplicates merged, the
 * least parent link kept) and emitted as one {@link StateBlock} per partition, or more when a table reaches
 * {@code blockLimit} states: a few records per task for Spark to shuffle, not one per successor. The partition's
 * statistics go to the level's {@link StatsAccumulator}.
 */
final class ExpandBlocks implements PairFlatMapFunction<Iterator<StateBlock>, Integer, StateBlock> {
  private static final long serialVersionUID = 1L;

  private final ModelSpec spec;
  private final int level;
  private final int maxErrors;
  private final int partitions;
  private final int blockLimit;
  private final StatsAccumulator stats;
  private final TaskFault fault;

  ExpandBlocks(ModelSpec spec, int level, int maxErrors, int partitions, int blockLimit, StatsAccumulator stats,
      TaskFault fault) {
    this.spec = spec;
    this.level = level;
    this.maxErrors = maxErrors;
    this.partitions = partitions;
    this.blockLimit = blockLimit;
    this.stats = stats;
    this.fault = fault;
  }

  @Override
  public Iterator<Tuple2<Integer, StateBlock>> call(Iterator<StateBlock> blocks) {
    TaskContext task = TaskContext.get();
    int partition = task == null ? 0 : task.partitionId();
    fault.beforeExpansion(level, partition, task == null ? 0 : task.attemptNumber());
    LoadedModel m = LoadedModels.get(spec);
    Expansion e = new Expansion(m, new PartStats(partition, m.ts.ruleCount(), m.coverCounters(), maxErrors));
    while (blocks.hasNext()) {
      StateBlock b = blocks.next();
      for (int i = 0; i < b.size; i++) {
        if (b.blocked == null || !b.blocked[i]) {
          System.arraycopy(b.states, i * b.words, e.state, 0, b.words);
          e.expand();
        }
      }
    }
    for (int p = 0; p < partitions; p++) {
      e.flush(p);
    }
    stats.add(e.st);
    return e.out.iterator();
  }

  /** The successors of one task's states. */
  private final class Expansion {
    private final LoadedModel m;
    private final TransitionSystem ts;
    private final PartStats st;
    private final Canonicalizer canonicalizer;
    private final int words;
    private final long[] state;
    private final long[] next;
    private final Effects effects;
    private final StateTable[] tables = new StateTable[partitions];
    private final List<Tuple2<Integer, StateBlock>> out = new ArrayList<>();

    Expansion(LoadedModel m, PartStats st) {
      this.m = m;
      this.ts = m.ts;
      this.st = st;
      this.canonicalizer = m.symmetry == null ? null : m.symmetry.canonicalizer();
      this.words = ts.layout().words();
      this.state = new long[words];
      this.next = new long[words];
      this.effects = new Effects() {
        @Override
        public void cover(int site) {
          st.coverHits[site]++;
        }

        @Override
        public void put(String text) {}
      };
    }

    /** Fires every enabled rule instance in {@link #state}. */
    void expand() {
      st.states++;
      boolean deadlock = true;
      for (int r = 0; r < ts.ruleCount(); r++) {
        try {
          if (!ts.guard(r, state)) {
            continue;
          }
          System.arraycopy(state, 0, next, 0, words);
          if (!ts.fire(r, state, next, effects)) {
            continue;
          }
        } catch (ModelError e) {
          st.found(Found.of(e.kind(), e.property(), e.location(),
              e.getMessage() + " (in rule " + ts.rule(r).describe() + ")", at(), level, r, -1));
          continue;
        }
        st.rulesFired++;
        st.ruleFires[r]++;
        if (spec.deadlock() != DeadlockMode.STUTTERING || !Arrays.equals(state, next)) {
          deadlock = false;
        }
        admit(r);
      }
      if (deadlock && spec.deadlock() != DeadlockMode.OFF) {
        st.found(Found.of(ViolationKind.DEADLOCK, "deadlock", null, "deadlock: no rule can change this state", at(),
            level, -1, -1));
      }
    }

    private PackedState at() {
      return new PackedState(state.clone());
    }

    /** Puts successor {@link #next} by {@code rule} through the assumptions; adds it to its partition's table. */
    private void admit(int rule) {
      int p = -1;
      try {
        for (int a : m.assumptions) {
          p = a;
          if (!ts.holds(p, next)) {
            return;
          }
        }
      } catch (ModelError e) {
        st.found(Found.of(e.kind(), e.property(), e.location(), e.getMessage() + " (in an assumption)", at(), level,
            rule, p));
        return;
      }
      if (canonicalizer != null) {
        canonicalizer.canonicalize(next);
      }
      int to = StateBlock.partition(next, 0, words, partitions);
      if (tables[to] == null) {
        tables[to] = new StateTable(words, Math.min(blockLimit, 1024));
      }
      tables[to].offer(next, 0, state, 0, rule);
      if (tables[to].size() >= blockLimit) {
        flush(to);
      }
    }

    /** Emits partition {@code p}'s table as a block, if it holds any states. */
    void flush(int p) {
      if (tables[p] != null && tables[p].size() > 0) {
        out.add(new Tuple2<>(p, tables[p].toBlock()));
      }
      tables[p] = null;
    }
  }
}
