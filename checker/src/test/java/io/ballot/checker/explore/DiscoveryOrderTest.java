package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Levels stored in a scrambled order (as several threads store them), each state first with an arbitrary one of its
 * predecessors: after every way to reach each state was offered, each state has its least (parent position, rule),
 * and the level is ranked in the order a one-thread search finds it, whatever the scramble; the next level, built
 * from the ranked one, gets the one-thread parents and order too.
 */
class DiscoveryOrderTest {
  private static final int PARENTS = 300;
  private static final int RULES = 5;

  @Test
  void scrambledLevelsGetTheOneThreadParentsAndOrder() {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int threads = 1; threads <= 3; threads += 2) { // the ranking on this thread alone, and split in three
        ParallelParts parallel = new ParallelParts(pool, threads, 1);
        for (long seed = 0; seed < 20; seed++) {
          assertOneThreadOrderOverLevels(new Random(seed), parallel);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertOneThreadOrderOverLevels(Random rnd, ParallelParts parallel) {
    StateStore store = new StateStore(32, 1, RULES);
    StateStore.Appender a = store.appender();
    List<Integer> level = new ArrayList<>();
    for (int p = 0; p < PARENTS; p++) {
      level.add(store.add(a, new long[] {p}, -1, 0));
    }
    store.release(a);
    DiscoveryOrder order = new DiscoveryOrder(true);
    order.startTracking(0, store.idLimit());
    for (int depth = 1; depth <= 3; depth++) {
      level = assertOneThreadOrder(rnd, store, order, parallel, level, depth * 1_000_000L);
    }
  }

  /**
   * Builds the level after {@code level} (its ids in discovery order) from a random graph, offering its edges in a
   * scrambled order; checks parents, rules and order against a one-thread search; returns the new level's ids in
   * discovery order.
   */
  private static List<Integer> assertOneThreadOrder(Random rnd, StateStore store, DiscoveryOrder order,
      ParallelParts parallel, List<Integer> level, long values) {
    int parents = level.size();
    int children = parents * 2;
    int[][] succ = new int[parents][RULES]; // the k-th parent (in discovery order) by rule r reaches succ[k][r]
    for (int[] row : succ) {
      for (int r = 0; r < RULES; r++) {
        row[r] = rnd.nextInt(4) == 0 ? -1 : rnd.nextInt(children);
      }
    }
    // what one thread records: children in order of first discovery, each with its first (parent, rule)
    List<Integer> oneThreadOrder = new ArrayList<>();
    int[] firstParent = new int[children];
    int[] firstRule = new int[children];
    Arrays.fill(firstParent, -1);
    for (int k = 0; k < parents; k++) {
      for (int r = 0; r < RULES; r++) {
        int c = succ[k][r];
        if (c >= 0 && firstParent[c] < 0) {
          firstParent[c] = level.get(k);
          firstRule[c] = r;
          oneThreadOrder.add(c);
        }
      }
    }
    // several threads: the edges in a scrambled order; the first edge to a child stores it
    List<int[]> edges = new ArrayList<>();
    for (int k = 0; k < parents; k++) {
      for (int r = 0; r < RULES; r++) {
        if (succ[k][r] >= 0) {
          edges.add(new int[] {level.get(k), r, succ[k][r]});
        }
      }
    }
    Collections.shuffle(edges, rnd);
    int from = Collections.min(level);
    int to = store.idLimit();
    StateStore.Appender a = store.appender();
    int[] idOf = new int[children];
    Arrays.fill(idOf, -1);
    for (int[] e : edges) {
      int c = e[2];
      if (idOf[c] < 0) {
        idOf[c] = store.add(a, new long[] {values + c}, e[0], e[1]);
      }
      order.offer(idOf[c], order.position(e[0]), e[1]);
    }
    store.release(a);
    order.finishLevel(store, from, to, store.idLimit(), parallel);
    List<Integer> next = new ArrayList<>();
    for (int k = 0; k < oneThreadOrder.size(); k++) {
      int c = oneThreadOrder.get(k);
      assertEquals(firstParent[c], store.parent(idOf[c]), "parent of child " + c);
      assertEquals(firstRule[c], store.rule(idOf[c]), "rule of child " + c);
      assertEquals(k, order.position(idOf[c]), "position of child " + c);
      assertEquals(to + k, order.of(idOf[c]), "position of child " + c + " in the search");
      next.add(idOf[c]);
    }
    return next;
  }
}
