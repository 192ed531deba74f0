package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Levels stored in a scrambled order (as several threads store them), each state first with an arbitrary one of its
 * predecessors: after every way to reach each state was offered, each state has its least (parent position, rule),
 * and the level is renumbered in the order a one-thread search finds it, whatever the scramble, its records moved
 * along and its holes last; the next level, built from the renumbered one, gets the one-thread parents and order too.
 * Kept in place, the levels get the same parents (as ids) and the same order (as a list of their ids), their
 * records left where they were stored.
 */
class DiscoveryOrderTest {
  private static final int PARENTS = 300;
  private static final int RULES = 5;

  /**
   * Levels renumbered into discovery order, and levels kept in place and expanded through their order; their pairs
   * as ints (few rules), as longs (rules too many for a parent's position beside them), and as ints while the
   * levels are small, then longs (2^22 rules: a level of 1,024 parents or more needs longs).
   */
  @ParameterizedTest
  @CsvSource({"false, 5", "true, 5", "false, 1073741824", "true, 1073741824", "false, 4194304", "true, 4194304"})
  void scrambledLevelsGetTheOneThreadParentsAndOrder(boolean inPlace, int rules) {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int threads = 1; threads <= 3; threads += 2) { // the ranking on this thread alone, and split in three
        ParallelParts parallel = new ParallelParts(pool, threads, 1);
        for (long seed = 0; seed < 20; seed++) {
          assertOneThreadOrderOverLevels(new Random(seed), parallel, inPlace, rules);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** An order that keeps the records in place refuses to move them, and the other way round. */
  @Test
  void anOrderFinishesItsLevelsOneWayOnly() {
    ExecutorService pool = Executors.newFixedThreadPool(1);
    try {
      ParallelParts parallel = new ParallelParts(pool, 1, 1);
      StateStore store = new StateStore(32, 1, RULES);
      DiscoveryOrder inPlace = new DiscoveryOrder();
      inPlace.keepInPlace();
      inPlace.startTracking(0, 0);
      assertThrows(IllegalStateException.class, () -> inPlace.finishLevel(store, 0, 0, 0, parallel));
      DiscoveryOrder moving = new DiscoveryOrder();
      moving.startTracking(0, 0);
      assertThrows(IllegalStateException.class, () -> moving.finishLevelInPlace(store, 0, 0, 0, parallel));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A level whose records cannot be copied within the memory budget is not renumbered: the search must stop
   * ({@link MemoryLimitReached}), and its states keep their ids with their least parents, so that the traces reported
   * at that limit are the one-thread ones all the same.
   */
  @Test
  void aLevelTooBigToRenumberKeepsItsIdsAndGetsItsLeastParents() {
    ExecutorService pool = Executors.newFixedThreadPool(1);
    try {
      int bits = 4096; // 512 bytes a state
      StateStore store = new StateStore(bits, bits / 64, RULES, new MemoryBudget(8 << 20, true));
      StateStore.Appender a = store.appender();
      int parents = 50;
      for (int p = 0; p < parents; p++) {
        store.add(a, state(p, bits), -1, 0);
      }
      store.release(a);
      int to = store.idLimit();
      DiscoveryOrder order = new DiscoveryOrder();
      order.startTracking(0, to);
      List<Integer> children = new ArrayList<>();
      try {
        for (int c = 0; ; c++) { // child c: stored from parent 1 + c % 49 by rule 1, reached from parent 0 by rule 2
          children.add(store.add(a, state(1000 + c, bits), 1 + c % (parents - 1), 1));
          order.offer(children.get(c), 0, 2);
        }
      } catch (MemoryLimitReached e) {
        // the budget is full
      }
      store.release(a);
      int limit = store.idLimit();
      ParallelParts parallel = new ParallelParts(pool, 1, 1);
      assertThrows(MemoryLimitReached.class, () -> order.finishLevel(store, 0, to, limit, parallel));
      long[] value = new long[store.words()];
      for (int c = 0; c < children.size(); c++) {
        int id = children.get(c);
        assertEquals(0, store.parent(id), "least parent of child " + c);
        assertEquals(2, store.rule(id), "least rule of child " + c);
        store.get(id, value);
        assertArrayEquals(state(1000 + c, bits), value, "child " + c + " stays at its id");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The pairs' chunks double from a small first one up to their full length, and each index of a level has one slot
   * of its own: consecutive indices fill each chunk in turn, none skipped, none shared.
   */
  @Test
  void thePairsChunksCoverEachIndexOnce() {
    int expectedChunk = 0;
    int expectedSlot = 0;
    for (int i = 0; i < 1 << 20; i++) {
      if (expectedSlot == DiscoveryOrder.chunkLength(expectedChunk)) {
        expectedChunk++;
        expectedSlot = 0;
      }
      assertEquals(expectedChunk, DiscoveryOrder.chunkOf(i), "chunk of " + i);
      assertEquals(expectedSlot, DiscoveryOrder.slotOf(i), "slot of " + i);
      expectedSlot++;
    }
    assertTrue(DiscoveryOrder.chunkLength(0) <= 1024, "a small level holds kilobytes");
    int last = Integer.MAX_VALUE - 1; // the last index of the largest level
    assertEquals(DiscoveryOrder.chunkLength(DiscoveryOrder.chunkOf(last)) - 2, DiscoveryOrder.slotOf(last));
    assertEquals((1 << 15) + 5, DiscoveryOrder.chunkOf(last));
  }

  /**
   * The order's arrays are reserved in its budget as they are allocated, a tiny level's in kilobytes; when the
   * budget cannot hold the ranking's, the level is not ranked but its states get their least parents all the same
   * (the traces reported at that limit are the one-thread ones), it is listed in id order, and the search must stop.
   */
  @Test
  void theOrdersArraysAreReservedAndALevelThatDoesNotFitGetsItsLeastParents() {
    ExecutorService pool = Executors.newFixedThreadPool(1);
    try {
      ParallelParts parallel = new ParallelParts(pool, 1, 1);
      StateStore store = new StateStore(32, 1, RULES);
      int parents = 50;
      int to = firstLevel(store, parents);
      StateStore.Appender a = store.appender();
      MemoryBudget budget = new MemoryBudget(64 << 10, true);
      DiscoveryOrder order = new DiscoveryOrder(budget, RULES);
      order.keepInPlace();
      order.startTracking(0, to);
      List<Integer> children = new ArrayList<>();
      for (int c = 0; c < 10; c++) { // a tiny level: kilobytes
        children.add(store.add(a, new long[] {1000 + c}, 1 + c % (parents - 1), 1));
        order.offer(children.get(c), 0, 2);
      }
      assertEquals(budget.used(), order.bytes(), "all the order's bytes are reserved");
      assertTrue(order.bytes() < 16 << 10, "a tiny level's pairs: " + order.bytes() + " bytes");
      for (int c = 10; c < 20_000; c++) { // too many for the ranking's arrays: 80 KB of pairs alone
        children.add(store.add(a, new long[] {1000 + c}, 1 + c % (parents - 1), 1));
        if (c < 500) {
          order.offer(children.get(c), 0, 2);
        }
      }
      store.release(a);
      int limit = store.idLimit();
      assertThrows(MemoryLimitReached.class, () -> order.finishLevelInPlace(store, 0, to, limit, parallel));
      assertEquals(budget.used(), order.bytes(), "all the order's bytes are reserved");
      assertTrue(budget.used() <= budget.limit());
      assertEquals(null, order.levelOrder(), "not ranked: in id order");
      for (int c = 0; c < children.size(); c++) {
        int id = children.get(c);
        assertEquals(c < 500 ? 0 : 1 + c % (parents - 1), store.parent(id), "least parent of child " + c);
        assertEquals(c < 500 ? 2 : 1, store.rule(id), "least rule of child " + c);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * After a wide level is ranked, the counts per parent are given back, and so are the pairs' chunks a narrower level
   * does not reach: what the order holds between levels is the ranking array (the level's order), not every array
   * the widest level needed.
   */
  @Test
  void aNarrowLevelAfterAWideOneKeepsOnlyTheRankingArray() {
    ExecutorService pool = Executors.newFixedThreadPool(1);
    try {
      ParallelParts parallel = new ParallelParts(pool, 1, 1);
      StateStore store = new StateStore(32, 1, RULES);
      int parents = 15_000;
      int to = firstLevel(store, parents);
      StateStore.Appender a = store.appender();
      MemoryBudget budget = new MemoryBudget(Long.MAX_VALUE, true);
      DiscoveryOrder order = new DiscoveryOrder(budget, RULES);
      order.keepInPlace();
      order.startTracking(0, to);
      int wide = 60_000;
      for (int c = 0; c < wide; c++) { // four children a parent, by rules 1-4
        int id = store.add(a, new long[] {1_000_000 + c}, c / 4, 1 + c % 4);
        order.offer(id, parents - 1, RULES - 1); // a pair in every chunk, never the least
      }
      store.release(a);
      int limit = store.idLimit();
      order.finishLevelInPlace(store, 0, to, limit, parallel);
      a = store.appender();
      for (int c = 0; c < 100; c++) { // a narrow level: parents by position plus the level's first id
        int id = store.add(a, new long[] {10_000_000 + c}, to + c, 1);
        order.offer(id, wide - 1, RULES - 1);
      }
      store.release(a);
      order.finishLevelInPlace(store, to, limit, store.idLimit(), parallel);
      assertEquals(budget.used(), order.bytes(), "all the order's bytes are reserved");
      // the ranking array of the wide level (4 bytes a state and an eighth more), kilobytes of pairs and directories
      assertTrue(order.bytes() < 4.5 * wide + (40 << 10), "held after the narrow level: " + order.bytes() + " bytes");
    } finally {
      pool.shutdownNow();
    }
  }

  /** Stores {@code n} start states {@code 0 .. n - 1} in {@code store}; returns the first id after them. */
  private static int firstLevel(StateStore store, int n) {
    StateStore.Appender a = store.appender();
    for (int p = 0; p < n; p++) {
      store.add(a, new long[] {p}, -1, 0);
    }
    store.release(a);
    return store.idLimit();
  }

  private static long[] state(long v, int bits) {
    long[] s = new long[bits / 64];
    s[0] = v;
    return s;
  }

  private static void assertOneThreadOrderOverLevels(Random rnd, ParallelParts parallel, boolean inPlace,
      int rules) {
    StateStore store = new StateStore(32, 1, RULES);
    StateStore.Appender a = store.appender();
    List<Integer> level = new ArrayList<>();
    for (int p = 0; p < PARENTS; p++) {
      level.add(store.add(a, new long[] {p}, -1, 0));
    }
    store.release(a);
    DiscoveryOrder order = new DiscoveryOrder(new MemoryBudget(Long.MAX_VALUE, true), rules);
    if (inPlace) {
      order.keepInPlace();
    }
    order.startTracking(0, store.idLimit());
    int from = 0;
    for (int depth = 1; depth <= 4; depth++) { // to levels of thousands: several chunks of pairs
      int to = store.idLimit();
      level = inPlace ? assertOneThreadOrderInPlace(rnd, store, order, parallel, level, from, depth * 1_000_000L)
          : assertOneThreadOrder(rnd, store, order, parallel, level, depth * 1_000_000L);
      from = to;
    }
  }

  /**
   * Builds the level after {@code level} (its ids in discovery order) from a random graph, offering its edges in a
   * scrambled order; checks parents, rules and order against a one-thread search; returns the new level's ids in
   * discovery order.
   */
  private static List<Integer> assertOneThreadOrder(Random rnd, StateStore store, DiscoveryOrder order,
      ParallelParts parallel, List<Integer> level, long values) {
    RandomLevel g = RandomLevel.of(rnd, level, RULES, level.size() * 2, 4);
    int children = g.children();
    List<Integer> oneThreadOrder = g.oneThreadOrder();
    int[] firstParent = g.firstParent();
    int[] firstRule = g.firstRule();
    // several threads: the edges in a scrambled order; the first edge to a child stores it
    List<int[]> edges = g.shuffledEdges(rnd);
    int from = Collections.min(level);
    int to = store.idLimit();
    // two appenders taking turns at random: their blocks interleave and each leaves a partial block (holes)
    StateStore.Appender[] appenders = {store.appender(), store.appender()};
    int[] idOf = new int[children];
    Arrays.fill(idOf, -1);
    for (int[] e : edges) {
      int c = e[2];
      if (idOf[c] < 0) {
        idOf[c] = store.add(appenders[rnd.nextInt(2)], new long[] {values + c}, level.get(e[0]), e[1]);
      }
      order.offer(idOf[c], order.position(level.get(e[0])), e[1]);
    }
    for (StateStore.Appender a : appenders) {
      store.release(a);
    }
    int limit = store.idLimit();
    int size = store.size();
    Renumbering r = order.finishLevel(store, from, to, limit, parallel);
    assertEquals(oneThreadOrder.size(), r.count());
    assertEquals(size, store.size(), "states counted");
    List<Integer> next = new ArrayList<>();
    long[] value = new long[1];
    for (int k = 0; k < oneThreadOrder.size(); k++) {
      int c = oneThreadOrder.get(k);
      int id = r.map(idOf[c]);
      assertEquals(to + k, id, "id of child " + c + ": its position in discovery order");
      assertEquals(idOf[c], r.oldId(k));
      assertEquals(firstParent[c], store.parent(id), "parent of child " + c);
      assertEquals(firstRule[c], store.rule(id), "rule of child " + c);
      assertEquals(k, order.position(id), "position of child " + c);
      store.get(id, value);
      assertEquals(values + c, value[0], "the record of child " + c + " moved with it");
      next.add(id);
    }
    for (int id = to + oneThreadOrder.size(); id < limit; id++) {
      assertTrue(store.isHole(id), "the level's holes come last");
    }
    return next;
  }

  /**
   * As {@link #assertOneThreadOrder}, the level kept in place: each state stored with its parent's position plus
   * {@code from} (the first id of {@code level}, as the search's workers store it), checked to keep its id and
   * record, to get its one-thread parent as an id and to take its one-thread place in the level's order.
   */
  private static List<Integer> assertOneThreadOrderInPlace(Random rnd, StateStore store, DiscoveryOrder order,
      ParallelParts parallel, List<Integer> level, int from, long values) {
    RandomLevel g = RandomLevel.of(rnd, level, RULES, level.size() * 2, 4);
    int children = g.children();
    List<Integer> oneThreadOrder = g.oneThreadOrder();
    int[] firstParent = g.firstParent();
    int[] firstRule = g.firstRule();
    List<int[]> edges = g.shuffledEdges(rnd); // parent position, rule, child
    int to = store.idLimit();
    StateStore.Appender[] appenders = {store.appender(), store.appender()};
    int[] idOf = new int[children];
    Arrays.fill(idOf, -1);
    for (int[] e : edges) {
      int c = e[2];
      if (idOf[c] < 0) {
        idOf[c] = store.add(appenders[rnd.nextInt(2)], new long[] {values + c}, from + e[0], e[1]);
      }
      order.offer(idOf[c], e[0], e[1]);
    }
    for (StateStore.Appender a : appenders) {
      store.release(a);
    }
    int limit = store.idLimit();
    int size = store.size();
    order.finishLevelInPlace(store, from, to, limit, parallel);
    assertEquals(oneThreadOrder.size(), order.levelCount());
    assertEquals(size, store.size(), "states counted");
    List<Integer> next = new ArrayList<>();
    long[] value = new long[1];
    for (int k = 0; k < oneThreadOrder.size(); k++) {
      int c = oneThreadOrder.get(k);
      int id = idOf[c];
      assertEquals(id, to + order.levelOrder()[k], "child " + c + " at its position in discovery order");
      assertEquals(firstParent[c], store.parent(id), "parent of child " + c);
      assertEquals(firstRule[c], store.rule(id), "rule of child " + c);
      store.get(id, value);
      assertEquals(values + c, value[0], "the record of child " + c + " stays at its id");
      next.add(id);
    }
    return next;
  }

}
