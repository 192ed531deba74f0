package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The index of a level of references gives each reference one id however many threads add it at once, names that
 * id to every later add and lookup, across its stripes' growths and their rebuilds with more id bits (a level of
 * over 2^16 states), holds only the current level after {@link ReferenceLevelIndex#clear}, and keeps the budget to
 * its slots: 58 to 88 % full.
 */
class ReferenceLevelIndexTest {

  @org.junit.jupiter.api.Test
  void threadsAddingAtOnceGetOneIdPerReferenceOverLevels() throws Exception {
    StateStore store = StateStore.ofReferences(3, 10, new MemoryBudget(Long.MAX_VALUE, true));
    ReferenceLevelIndex index = new ReferenceLevelIndex(store);
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Random rnd = new Random(11);
      for (int level = 0; level < 3; level++) {
        int distinct = level == 1 ? 150_000 : 20_000;
        long[] pool0 = new long[distinct];
        for (int i = 0; i < distinct; i++) {
          pool0[i] = rnd.nextLong() >>> 1;
        }
        int base = store.idLimit();
        List<Future<Map<Long, Integer>>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          long seed = rnd.nextLong();
          parts.add(pool.submit(() -> {
            Random r = new Random(seed);
            StateStore.Appender a = store.appender();
            Map<Long, Integer> mine = new HashMap<>();
            long[] key = new long[1];
            for (int i = 0; i < distinct; i++) {
              key[0] = pool0[r.nextInt(distinct)];
              int got = index.add(a, key, 0, 1);
              int id = got >= 0 ? got : -1 - got;
              Integer before = mine.putIfAbsent(key[0], id);
              assertEquals(before == null ? id : before, id, "the same id to one thread");
              assertEquals(key[0], store.record(id), "the id names the reference");
            }
            store.release(a);
            return mine;
          }));
        }
        Map<Long, Integer> all = new HashMap<>();
        for (Future<Map<Long, Integer>> f : parts) {
          for (Map.Entry<Long, Integer> e : f.get().entrySet()) {
            Integer before = all.putIfAbsent(e.getKey(), e.getValue());
            assertEquals(before == null ? e.getValue() : before, e.getValue(), "one id for all threads");
          }
        }
        assertEquals(all.size(), store.size() - (base - countHolesBelow(store, base)), "level " + level + " stored");
        for (Map.Entry<Long, Integer> e : all.entrySet()) {
          assertTrue(e.getValue() >= base, "an id of the level");
          assertEquals(e.getValue(), index.lookup(new long[] {e.getKey()}));
          assertEquals(e.getValue(), index.find(new long[] {e.getKey()}));
        }
        if (level == 1) {
          double load = all.size() / (index.indexBytes() / 4.0);
          assertTrue(load >= 0.55 && load <= 0.875, "load " + load);
          long other = Arrays.stream(store.bytesByKind()).sum();
          assertEquals(index.indexBytes() + other, store.budget().used(), "the budget holds the slots and chunks");
        }
        long before = store.budget().used();
        index.clear(store.idLimit());
        assertTrue(store.budget().used() <= before, "given back");
        for (Long k : all.keySet()) {
          assertEquals(-1, index.lookup(new long[] {k}), "not in the next level");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int countHolesBelow(StateStore store, int limit) {
    int holes = 0;
    for (int id = 0; id < limit; id++) {
      holes += store.isHole(id) ? 1 : 0;
    }
    return holes;
  }
}
