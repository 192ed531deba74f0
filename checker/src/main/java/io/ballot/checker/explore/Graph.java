package io.ballot.checker.explore;

import io.ballot.checker.symmetry.Canonicalizer;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayDeque;
import java.util.Arrays;

/** The reachable state graph, rebuilt after the search as reverse edges, for liveness. */
final class Graph {
  private final int states;
  private final int[] start; // reverse adjacency in CSR form: predecessors of t are pred[start[t] .. start[t+1])
  private final int[] pred;

  private Graph(int states, int[] start, int[] pred) {
    this.states = states;
    this.start = start;
    this.pred = pred;
  }

  /** Edges between two reservations from the budget while the edges are collected. */
  private static final int EDGES_PER_RESERVATION = 1 << 16;

  /**
   * The graph of the stored states; {@code canonicalizer} (null: none) maps successors to stored states. Its arrays
   * are reserved from {@code budget} as they grow (the edge lists counted at twice their size, as they grow by
   * doubling); throws {@link MemoryLimitReached} when they do not fit.
   */
  static Graph of(
      TransitionSystem ts, StateStore store, SeenSet seen, Canonicalizer canonicalizer, MemoryBudget budget) {
    int n = store.idLimit();
    int words = store.words();
    IntList from = new IntList();
    IntList to = new IntList();
    long[] s = new long[words];
    long[] next = new long[words];
    for (int id = 0; id < n; id++) {
      if (store.isHole(id)) {
        continue;
      }
      store.get(id, s);
      for (int r = 0; r < ts.ruleCount(); r++) {
        try {
          if (!ts.guard(r, s)) {
            continue;
          }
          System.arraycopy(s, 0, next, 0, words);
          if (!ts.fire(r, s, next, Effects.NONE)) {
            continue;
          }
        } catch (ModelError e) {
          continue;
        }
        if (canonicalizer != null) {
          canonicalizer.canonicalize(next);
        }
        int t = seen.find(next);
        if (t >= 0) {
          if (from.size() % EDGES_PER_RESERVATION == 0) {
            budget.reserve(2L * 2 * Integer.BYTES * EDGES_PER_RESERVATION);
          }
          from.add(id);
          to.add(t);
        }
      }
    }
    budget.reserve(3L * Integer.BYTES * n + (long) Integer.BYTES * to.size() + n); // start, fill, pred, good
    int[] start = new int[n + 1];
    for (int e = 0; e < to.size(); e++) {
      start[to.get(e) + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int[] fill = Arrays.copyOf(start, n);
    int[] pred = new int[to.size()];
    for (int e = 0; e < to.size(); e++) {
      pred[fill[to.get(e)]++] = from.get(e);
    }
    return new Graph(n, start, pred);
  }

  /**
   * The first state in discovery order, which is the id order ({@link DiscoveryOrder}): a shallowest one, the same
   * whatever the number of threads, from which no state satisfying property {@code p} is reachable; -1 when there is
   * none; -2 when the property could not be evaluated.
   */
  int firstStateThatCannotReach(int p, TransitionSystem ts, StateStore store) {
    boolean[] good = new boolean[states];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    long[] s = new long[store.words()];
    for (int id = 0; id < states; id++) {
      if (store.isHole(id)) {
        good[id] = true; // no state: nothing to report
        continue;
      }
      store.get(id, s);
      try {
        if (ts.holds(p, s)) {
          good[id] = true;
          queue.add(id);
        }
      } catch (ModelError e) {
        return -2;
      }
    }
    while (!queue.isEmpty()) {
      int t = queue.poll();
      for (int e = start[t]; e < start[t + 1]; e++) {
        int u = pred[e];
        if (!good[u]) {
          good[u] = true;
          queue.add(u);
        }
      }
    }
    for (int id = 0; id < states; id++) {
      if (!good[id]) {
        return id;
      }
    }
    return -1;
  }
}
