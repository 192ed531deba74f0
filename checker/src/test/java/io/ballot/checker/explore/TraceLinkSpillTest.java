package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parents and rules moved to the links file come back as they were (holes included), for narrow and wide rule ids
 * and for chunks forced tiny by a small budget; their bytes go back to the budget; records stay readable; a moved
 * link can no longer be changed; records dropped after (hash compaction's order) leave the links readable.
 */
class TraceLinkSpillTest {
  /**
   * After a wide level, the arrays its dropped chunks and moved links leave are not kept for reuse, whether the
   * levels shrink or not (the next level being as wide): they go back to the budget at the level's end.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {100, 80_000})
  void noArraysAreKeptForReuseBetweenLevels(int next) {
    MemoryBudget budget = new MemoryBudget(4_000_000, true);
    StateStore store = new StateStore(69, 2, 10, budget); // chunks of 2^14 ids
    StateStore.Appender a = store.appender();
    long[] state = new long[2];
    for (int i = 0; i < 10 * store.idsPerChunk(); i++) { // a wide level: ten chunks
      state[0] = i;
      store.add(a, state, 0, 1);
    }
    store.release(a);
    int wideEnd = store.idLimit();
    StateStore.Appender b = store.appender();
    for (int i = 0; i < next; i++) { // a narrow one after it, or one as wide
      state[0] = -i;
      store.add(b, state, 0, 1);
    }
    store.release(b);
    long before = budget.used();
    store.spillLinksBelow(wideEnd);
    store.dropRecordsBelow(wideEnd);
    long[] kinds = store.bytesByKind();
    assertEquals(0, kinds[2], "kept for reuse");
    assertTrue(budget.used() < before - 8 * store.recordBytesPerChunk(), "given back: " + (before - budget.used()));
  }

  /** Holes left by several threads' blocks, in chunks whose links then move, are still told apart from states. */
  @org.junit.jupiter.api.Test
  void holesOfMovedChunksAreStillHoles() {
    StateStore store = new StateStore(69, 2, 10, new MemoryBudget(2_000_000, true)); // chunks of 2^13 ids
    Random rnd = new Random(5);
    long[] state = new long[2];
    for (int level = 0; level < 40; level++) {
      StateStore.Appender[] threads = {store.appender(), store.appender(), store.appender()};
      for (int i = 0; i < 700; i++) {
        state[0] = rnd.nextLong();
        store.add(threads[rnd.nextInt(3)], state, 0, 1);
      }
      for (StateStore.Appender t : threads) {
        store.release(t); // each leaves the rest of its block as holes
      }
    }
    int limit = store.idLimit();
    boolean[] hole = new boolean[limit];
    int holes = 0;
    for (int id = 0; id < limit; id++) {
      hole[id] = store.isHole(id);
      holes += hole[id] ? 1 : 0;
    }
    assertTrue(holes > 40, "holes left: " + holes);
    store.spillLinksBelow(limit);
    assertTrue(store.spilledChunks() >= 3, "chunks moved: " + store.spilledChunks());
    for (int id = 0; id < limit; id++) {
      assertEquals(hole[id], store.isHole(id), "id " + id);
    }
    store.dropRecordsBelow(limit);
    for (int id = 0; id < limit; id++) {
      assertEquals(hole[id], store.isHole(id), "id " + id + " after its record was dropped");
    }
  }

  @ParameterizedTest
  @CsvSource({"28, 10, 0", "69, 10, 0", "28, 70000, 0", "28, 10, 2000000", "130, 70000, 2000000"})
  void movedLinksComeBackAndFreeTheirBytes(int bits, int ruleLimit, long memory) { // memory: a limit (0: none)
    int words = Math.max(1, (bits + 63) >>> 6);
    MemoryBudget budget = new MemoryBudget(memory > 0 ? memory : Long.MAX_VALUE, true);
    StateStore store = new StateStore(bits, words, ruleLimit, budget);
    StateStore.Appender a = store.appender();
    Random rnd = new Random(bits);
    int n = memory > 0 ? 40_000 : 200_000; // chunks of 2^16 ids, or of 2^14 and 2^12 under the limit
    long[][] states = new long[n][];
    int[] rules = new int[n];
    for (int i = 0; i < n; i++) {
      states[i] = new long[words];
      states[i][0] = rnd.nextLong() & ((1L << Math.min(bits, 63)) - 1);
      rules[i] = rnd.nextInt(ruleLimit);
      assertEquals(i, store.add(a, states[i], i - 1 - rnd.nextInt(Math.max(1, i)), rules[i]));
    }
    int[] parents = new int[n];
    for (int i = 0; i < n; i++) {
      parents[i] = store.parent(i);
    }
    store.release(a);
    int limit = store.idLimit();
    long before = budget.used();
    store.spillLinksBelow(n / 2);
    assertNull(store.linksFailure());
    assertTrue(store.spilledChunks() > 0, "some chunk moved");
    assertTrue(budget.used() <= before - (store.spilledChunks() - 1) * store.linkBytesPerChunk(),
        "the moved arrays are given back: " + (before - budget.used()));
    long[] out = new long[words];
    for (int i = n - 1; i >= 0; i--) { // backwards: every chunk read back again
      assertEquals(parents[i], store.parent(i), "parent " + i);
      assertEquals(rules[i], store.rule(i), "rule " + i);
      store.get(i, out);
      assertArrayEquals(states[i], out);
    }
    for (int id = n; id < limit; id++) {
      assertTrue(store.isHole(id));
    }
    assertThrows(IllegalStateException.class, () -> store.setParent(0, -1, 0));
    store.setParent(n - 1, 3, 1); // the level being built still changes
    assertEquals(3, store.parent(n - 1));
    store.dropRecordsBelow(n / 2);
    store.spillLinksBelow(n); // nothing more below a chunk boundary than before, or the rest of the full chunks
    for (int i = 0; i < n - 1; i++) {
      assertEquals(parents[i], store.parent(i), "parent " + i + " after the records were dropped");
      assertEquals(rules[i], store.rule(i));
    }
    // Between levels no array is kept for reuse: the next chunk is reserved afresh, and holds what was added to it.
    long held = budget.used();
    StateStore.Appender b = store.appender();
    long[] fresh = new long[words];
    int first = -1;
    int chunk = store.idsPerChunk();
    int toNextChunk = (store.idLimit() + chunk - 1) / chunk * chunk - store.idLimit();
    for (int i = 0; i < toNextChunk + 1; i++) {
      fresh[0] = i;
      int id = store.add(b, fresh, 7, i % ruleLimit);
      first = first < 0 ? id : first;
    }
    store.release(b);
    assertEquals(held + store.recordBytesPerChunk() + store.linkBytesPerChunk(), budget.used(), "a new chunk");
    for (int id = first, i = 0; id < store.idLimit() && !store.isHole(id); id++, i++) {
      store.get(id, out);
      assertEquals(i, out[0]);
      assertEquals(7, store.parent(id));
      assertEquals(i % ruleLimit, store.rule(id));
    }
  }
}
