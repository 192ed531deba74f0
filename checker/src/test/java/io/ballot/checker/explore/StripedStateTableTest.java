package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StripedStateTableTest {
  /** {@code n} states of {@code bits} bits, with repeats (values drawn from a range of about n / 2). */
  private static long[][] statesWithRepeats(int n, int bits, long seed) {
    Random rnd = new Random(seed);
    int words = (bits + 63) >>> 6;
    long[][] states = new long[n][];
    for (int i = 0; i < n; i++) {
      long v = rnd.nextInt(n / 2);
      long[] s = new long[words];
      s[0] = bits < 64 ? v * 0x9E3779B1L & ((1L << bits) - 1) : v * 0x9E3779B97F4A7C15L;
      s[words - 1] |= words > 1 ? 1 : 0;
      states[i] = s;
    }
    return states;
  }

  private static StripedStateTable table(StateStore store, int bits) {
    return new StripedStateTable(store, bits <= 32);
  }

  @ParameterizedTest
  @ValueSource(ints = {20, 69})
  void oneThreadGetsNewIdsForNewStatesAndTheStoredIdForRepeats(int bits) {
    StateStore store = new StateStore(bits, (bits + 63) >>> 6, 4);
    StripedStateTable table = table(store, bits);
    StateStore.Appender a = store.appender();
    long[][] states = statesWithRepeats(100_000, bits, bits);
    Map<List<Long>, Integer> expected = new HashMap<>();
    for (long[] s : states) {
      List<Long> key = Arrays.stream(s).boxed().toList();
      int r = table.add(a, s, -1, 0);
      Integer known = expected.get(key);
      if (known == null) {
        assertTrue(r >= 0, "a new state gets an id");
        expected.put(key, r);
      } else {
        assertEquals(-1 - known, r, "a repeat gets -1 - the stored id");
      }
    }
    store.release(a);
    assertEquals(expected.size(), table.size());
    for (long[] s : states) {
      assertEquals(expected.get(Arrays.stream(s).boxed().toList()), table.find(s));
    }
  }

  /**
   * Two threads add the same states in the same order, so that both often pass the lock-free lookup before either
   * has stored the state (the lost race): each state still gets one id, the thread that stored it sees that id and
   * the other sees -1 - that id.
   */
  @ParameterizedTest
  @ValueSource(ints = {20, 69})
  void twoThreadsAddingTheSameStatesAgreeOnOneIdEach(int bits) throws Exception {
    StateStore store = new StateStore(bits, (bits + 63) >>> 6, 4);
    StripedStateTable table = table(store, bits);
    long[][] states = statesWithRepeats(400_000, bits, 7 + bits);
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<int[]>> results = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        results.add(pool.submit(() -> {
          StateStore.Appender a = store.appender();
          int[] r = new int[states.length];
          start.await();
          for (int i = 0; i < states.length; i++) {
            r[i] = table.add(a, states[i], -1, 0);
          }
          store.release(a);
          return r;
        }));
      }
      int[] first = results.get(0).get();
      int[] second = results.get(1).get();
      Set<Integer> ids = new HashSet<>();
      int storedByBoth = 0;
      for (int i = 0; i < states.length; i++) {
        int id = table.find(states[i]);
        assertTrue(id >= 0, "state " + i + " is in the table");
        int mine = first[i] >= 0 ? first[i] : -1 - first[i];
        int theirs = second[i] >= 0 ? second[i] : -1 - second[i];
        assertEquals(id, mine, "state " + i + ", first thread");
        assertEquals(id, theirs, "state " + i + ", second thread");
        if (first[i] >= 0 && second[i] >= 0) {
          storedByBoth++;
        }
        ids.add(id);
      }
      assertEquals(0, storedByBoth, "no state is stored twice");
      assertEquals(ids.size(), table.size());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Threads adding different states at once, into fresh tables (small stripes, grown while they add): every state is
   * new, so every add must give a new id. A lookup without the lock that read its slot twice (the probe finding the
   * empty slot where the state would go, then a second read after another thread filled it with its own state) took
   * the other state's id for this one: the state was lost, or its parent link pointed at a different state.
   */
  @ParameterizedTest
  @ValueSource(ints = {20, 69})
  void threadsAddingDifferentStatesEachGetNewIds(int bits) throws Exception {
    int threads = 4;
    int perThread = 100_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 6; round++) {
        StateStore store = new StateStore(bits, (bits + 63) >>> 6, 4);
        StripedStateTable table = table(store, bits);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<Integer>> results = new ArrayList<>();
        int r0 = round;
        for (int t = 0; t < threads; t++) {
          int thread = t;
          results.add(pool.submit(() -> {
            StateStore.Appender a = store.appender();
            long[] s = new long[(bits + 63) >>> 6];
            int misses = 0;
            start.await();
            for (int i = 0; i < perThread; i++) {
              long v = ((long) i * threads + thread) * 0x9E3779B1L + r0;
              s[0] = bits < 64 ? v & ((1L << bits) - 1) : v;
              if (table.add(a, s, -1, 0) < 0) {
                misses++;
              }
            }
            store.release(a);
            return misses;
          }));
        }
        for (Future<Integer> f : results) {
          assertEquals(0, f.get(), "distinct states taken for another's, round " + round);
        }
        assertEquals(threads * perThread, table.size());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLevelIndexGivesItsSlotsBackBetweenLevelsAndGrowsAgain() {
    StateStore store = new StateStore(69, 2, 10);
    StripedStateTable level = new StripedStateTable(store, false, 7);
    StateStore.Appender a = store.appender();
    long[] s = new long[2];
    long empty = level.indexBytes();
    for (int i = 0; i < 100_000; i++) {
      s[0] = i * 0x9E3779B97F4A7C15L;
      s[1] = 1;
      assertTrue(level.add(a, s, -1, 0) >= 0);
    }
    long wide = level.indexBytes();
    assertTrue(wide <= 8L * 256 * 1024 + 8L * 16 * 256, "100,000 states at up to 7/8: " + wide);
    long used = store.budget().used();
    level.clear();
    assertEquals(empty, level.indexBytes(), "16 slots a stripe between levels");
    assertEquals(used - (wide - empty), store.budget().used(), "given back to the budget");
    for (int i = 0; i < 100_000; i++) { // the next level, as wide: grown again, and each state found once
      s[0] = ~i * 0x9E3779B97F4A7C15L;
      int id = level.add(a, s, -1, 0);
      assertTrue(id >= 0);
      assertEquals(-1 - id, level.add(a, s, -1, 0));
    }
    assertTrue(Math.abs(level.indexBytes() - wide) <= wide / 8, "grown to about the same slots: " + wide + ", "
        + level.indexBytes());
  }

  /** The index of one level grows by half: past its first growths it is 58 to 88 % full whatever the count. */
  @Test
  void aLevelIndexIsBetweenFiftyEightAndEightyEightPercentFull() {
    StateStore store = new StateStore(69, 2, 10);
    StripedStateTable level = new StripedStateTable(store, false, 7);
    StateStore.Appender a = store.appender();
    long[] s = new long[2];
    for (int i = 1; i <= 300_000; i++) {
      s[0] = i * 0x9E3779B97F4A7C15L;
      assertTrue(level.add(a, s, -1, 0) >= 0);
      if (i >= 50_000 && i % 9973 == 0) {
        double load = i / (level.indexBytes() / 8.0);
        assertTrue(load >= 0.58 && load <= 0.875, i + " states, load " + load);
        assertEquals(level.indexBytes() + java.util.Arrays.stream(store.bytesByKind()).sum(), store.budget().used(),
            "the budget holds the index's slots and the store's chunks, no more");
      }
    }
    for (int i = 1; i <= 300_000; i++) {
      s[0] = i * 0x9E3779B97F4A7C15L;
      assertEquals(i - 1, level.find(s), "found after the growths");
    }
  }
}
