package io.ballot.checker.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A random level for the discovery-order tests: each parent's successor per rule, as a child number ({@code -1}: the
 * rule is disabled there), and what a one-thread search makes of it: the children in order of first discovery, each
 * with its first parent (an id) and rule.
 */
record RandomLevel(int children, int[][] succ, List<Integer> oneThreadOrder, int[] firstParent, int[] firstRule) {
  /**
   * The successors of {@code level}'s states (ids in discovery order) under {@code rules} rules, among {@code
   * children} possible children, each rule disabled with odds 1 in {@code disabledOneIn}.
   */
  static RandomLevel of(Random rnd, List<Integer> level, int rules, int children, int disabledOneIn) {
    int parents = level.size();
    int[][] succ = new int[parents][rules];
    for (int[] row : succ) {
      for (int r = 0; r < rules; r++) {
        row[r] = rnd.nextInt(disabledOneIn) == 0 ? -1 : rnd.nextInt(children);
      }
    }
    List<Integer> oneThreadOrder = new ArrayList<>();
    int[] firstParent = new int[children];
    int[] firstRule = new int[children];
    Arrays.fill(firstParent, -1);
    for (int k = 0; k < parents; k++) {
      for (int r = 0; r < rules; r++) {
        int c = succ[k][r];
        if (c >= 0 && firstParent[c] < 0) {
          firstParent[c] = level.get(k);
          firstRule[c] = r;
          oneThreadOrder.add(c);
        }
      }
    }
    return new RandomLevel(children, succ, oneThreadOrder, firstParent, firstRule);
  }

  /** Every edge as {parent position, rule, child}, shuffled with {@code rnd}: the order several threads might take. */
  List<int[]> shuffledEdges(Random rnd) {
    List<int[]> edges = new ArrayList<>();
    for (int k = 0; k < succ.length; k++) {
      for (int r = 0; r < succ[k].length; r++) {
        if (succ[k][r] >= 0) {
          edges.add(new int[] {k, r, succ[k][r]});
        }
      }
    }
    java.util.Collections.shuffle(edges, rnd);
    return edges;
  }
}
