package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A level stored in a scrambled order (as several threads store it), each state first with an arbitrary one of its
 * predecessors: after every predecessor was offered, each state has its least (parent position, rule), and the level
 * is ranked in the order a one-thread search finds it, whatever the scramble.
 */
class DiscoveryOrderTest {
  private static final int PARENTS = 300;
  private static final int RULES = 5;

  @Test
  void aScrambledLevelGetsTheOneThreadParentsAndOrder() {
    for (long seed = 0; seed < 20; seed++) {
      assertOneThreadOrder(new Random(seed));
    }
  }

  private static void assertOneThreadOrder(Random rnd) {
    // the graph: parent p (ids 0 .. PARENTS - 1, a level in id order) by rule r reaches child succ[p][r] (or none)
    int children = PARENTS * 2;
    int[][] succ = new int[PARENTS][RULES];
    for (int[] row : succ) {
      for (int r = 0; r < RULES; r++) {
        row[r] = rnd.nextInt(4) == 0 ? -1 : rnd.nextInt(children);
      }
    }
    // what one thread records: children in order of first discovery, each with its first (parent, rule)
    List<Integer> oneThreadOrder = new ArrayList<>();
    int[] firstParent = new int[children];
    int[] firstRule = new int[children];
    java.util.Arrays.fill(firstParent, -1);
    for (int p = 0; p < PARENTS; p++) {
      for (int r = 0; r < RULES; r++) {
        int c = succ[p][r];
        if (c >= 0 && firstParent[c] < 0) {
          firstParent[c] = p;
          firstRule[c] = r;
          oneThreadOrder.add(c);
        }
      }
    }
    // several threads: the edges in a scrambled order; the first edge to a child stores it
    List<int[]> edges = new ArrayList<>();
    for (int p = 0; p < PARENTS; p++) {
      for (int r = 0; r < RULES; r++) {
        if (succ[p][r] >= 0) {
          edges.add(new int[] {p, r, succ[p][r]});
        }
      }
    }
    Collections.shuffle(edges, rnd);
    StateStore store = new StateStore(32, 1, RULES);
    StateStore.Appender a = store.appender();
    for (int p = 0; p < PARENTS; p++) {
      store.add(a, new long[] {1_000_000 + p}, -1, 0);
    }
    DiscoveryOrder order = new DiscoveryOrder();
    order.startTracking(PARENTS);
    int[] idOf = new int[children];
    java.util.Arrays.fill(idOf, -1);
    for (int[] e : edges) {
      int c = e[2];
      if (idOf[c] < 0) {
        idOf[c] = store.add(a, new long[] {c}, e[0], e[1]);
      } else {
        order.offer(store, idOf[c], e[0], order.of(e[0]), e[1]);
      }
    }
    store.release(a);
    order.rankLevel(store, 0, PARENTS, store.idLimit());
    for (int k = 0; k < oneThreadOrder.size(); k++) {
      int c = oneThreadOrder.get(k);
      assertEquals(firstParent[c], store.parent(idOf[c]), "parent of child " + c);
      assertEquals(firstRule[c], store.rule(idOf[c]), "rule of child " + c);
      assertEquals(PARENTS + k, order.of(idOf[c]), "position of child " + c);
    }
  }
}
