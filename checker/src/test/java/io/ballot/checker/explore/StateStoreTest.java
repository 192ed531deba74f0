package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateStoreTest {
  /** A random state of {@code bits} bits: the bits above them are zero, as in a packed state. */
  private static long[] randomState(Random rnd, int bits) {
    int words = Math.max(1, (bits + 63) >>> 6);
    long[] s = new long[words];
    for (int w = 0; w < words; w++) {
      s[w] = rnd.nextLong();
    }
    int used = bits - 64 * (words - 1);
    if (used < 64) {
      s[words - 1] &= (1L << used) - 1;
    }
    return s;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 8, 9, 16, 17, 32, 33, 63, 64, 65, 69, 72, 80, 96, 97, 128, 130, 200})
  void statesOfEveryWidthComeBackBitForBit(int bits) {
    int words = Math.max(1, (bits + 63) >>> 6);
    StateStore store = new StateStore(bits, words, 10);
    StateStore.Appender a = store.appender();
    Random rnd = new Random(bits);
    long[][] states = new long[3 * StateStore.BLOCK + 5][];
    for (int i = 0; i < states.length; i++) {
      states[i] = randomState(rnd, bits);
      assertEquals(i, store.add(a, states[i], i - 1, i % 10));
    }
    long[] out = new long[words];
    for (int i = 0; i < states.length; i++) {
      store.get(i, out);
      assertArrayEquals(states[i], out, "state " + i);
      assertEquals(0, store.difference(i, states[i]));
      assertEquals(i - 1, store.parent(i));
      assertEquals(i % 10, store.rule(i));
    }
    long[] other = states[0].clone();
    other[words - 1] ^= bits == 0 ? 0 : 1L << ((bits - 1) % 64);
    assertEquals(bits == 0, store.difference(0, other) == 0);
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 69, 1000})
  void statesAcrossManyChunksAndTwoAppendersComeBack(int bits) {
    int words = (bits + 63) >>> 6;
    StateStore store = new StateStore(bits, words, 10);
    StateStore.Appender a = store.appender();
    StateStore.Appender b = store.appender();
    Random rnd = new Random(bits);
    int n = 150_000; // more than two chunks of the narrowest states, dozens of the widest
    long[][] states = new long[n][];
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      states[i] = randomState(rnd, bits);
      ids[i] = store.add(i % 3 == 0 ? b : a, states[i], i, 0);
    }
    store.release(a);
    store.release(b);
    assertEquals(n, store.size());
    long[] out = new long[words];
    for (int i = 0; i < n; i++) {
      store.get(ids[i], out);
      assertArrayEquals(states[i], out, "state " + i);
      assertEquals(0, store.difference(ids[i], states[i]));
      assertEquals(i, store.parent(ids[i]));
    }
    long[] other = states[7].clone();
    other[0] ^= 1;
    assertTrue(store.difference(ids[7], other) != 0);
  }

  @Test
  void wideRuleIdsAreKeptWhole() {
    StateStore store = new StateStore(10, 1, 100_000);
    StateStore.Appender a = store.appender();
    store.add(a, new long[] {3}, -1, 99_999);
    assertEquals(99_999, store.rule(0));
  }

  @Test
  void unusedIdsOfABlockBecomeHolesAndAreNotCounted() {
    StateStore store = new StateStore(20, 1, 10);
    StateStore.Appender a = store.appender();
    StateStore.Appender b = store.appender();
    store.add(a, new long[] {1}, -1, 0);
    int id = store.add(b, new long[] {2}, -1, 0);
    assertEquals(StateStore.BLOCK, id);
    store.release(a);
    store.release(b);
    assertEquals(2, store.size());
    assertEquals(2 * StateStore.BLOCK, store.idLimit());
    assertFalse(store.isHole(0));
    assertTrue(store.isHole(1));
    assertFalse(store.isHole(StateStore.BLOCK));
    assertTrue(store.isHole(2 * StateStore.BLOCK - 1));
  }

  @Test
  void aChunkBeyondTheBudgetIsRefusedBeforeAnyIdIsHandedOut() {
    int bits = 2_000_000; // 250,000 bytes a state: 4 states a chunk, one id a block
    int words = (bits + 63) >>> 6;
    StateStore probe = new StateStore(bits, words, 10);
    MemoryBudget budget = new MemoryBudget(3 * probe.chunkBytes(), true);
    StateStore store = new StateStore(bits, words, 10, budget);
    StateStore.Appender a = store.appender();
    long[] s = new long[words];
    int added = 0;
    MemoryLimitReached stopped = null;
    try {
      for (int i = 0; i < 1000; i++) {
        s[0] = i;
        store.add(a, s, -1, 0);
        added++;
      }
    } catch (MemoryLimitReached e) {
      stopped = e;
    }
    assertTrue(stopped != null, "the budget of three chunks cannot hold 1000 states of 250 KB");
    assertTrue(stopped.getMessage().startsWith("memory limit reached ("), stopped.getMessage());
    assertTrue(added > 0 && added < 1000, "some states, not all: " + added);
    assertTrue(budget.used() <= budget.limit(), budget.used() + " > " + budget.limit());
    assertTrue(budget.limit() - budget.used() < store.chunkBytes(), "stopped only when the next chunk did not fit");
    store.release(a);
    assertEquals(added, store.size());
    for (int id = 0; id < store.idLimit(); id++) {
      assertFalse(store.isHole(id), "every id handed out has its chunk and its state: " + id);
      store.get(id, s);
      assertEquals(id, s[0]);
    }
  }

  /**
   * Ids are never reused, so a search that drops the records of its expanded levels (the inline set, the tree, hash
   * compaction) hands out ids for many more chunks than the budget holds at once: the directory of chunks grows for
   * them rather than stopping the search (counters 10^6 had needed 8.9 MB of --memory for a 5.6 MB peak).
   */
  @Test
  void idsOutrunTheFirstDirectoryWhenExpandedLevelsAreDropped() {
    MemoryBudget budget = new MemoryBudget(200_000, true);
    StateStore store = new StateStore(32, 1, 10, budget);
    long firstDirectory = store.bytesByKind()[3];
    long[] s = new long[1];
    for (int level = 0; level < 400; level++) {
      StateStore.Appender a = store.appender();
      for (int i = 0; i < 1000; i++) {
        s[0] = level * 1000L + i;
        store.add(a, s, -1, 0);
      }
      store.release(a);
      int from = store.idLimit() - 1000;
      for (int id = from; id < store.idLimit(); id += 97) {
        if (!store.isHole(id)) {
          store.get(id, s);
          assertEquals(level, s[0] / 1000, "id " + id + " of level " + level);
        }
      }
      store.spillLinksBelow(store.idLimit());
      store.dropRecordsBelow(store.idLimit());
      assertTrue(budget.used() <= budget.limit());
    }
    assertEquals(400_000, store.size());
    assertTrue(store.bytesByKind()[3] > firstDirectory, "the directory grew");
  }

  @Test
  void wideStatesTakeOneIdAtATimeSoThatALevelLeavesNoHoles() {
    int bits = 8_000_000; // a megabyte a state
    int words = (bits + 63) >>> 6;
    StateStore store = new StateStore(bits, words, 10);
    long[] s = new long[words];
    for (int level = 0; level < 5; level++) {
      StateStore.Appender a = store.appender(); // a worker's appender lives for one level
      store.add(a, s, -1, 0);
      store.release(a);
    }
    assertEquals(5, store.idLimit(), "no id is left unused, as 63 of a block of 64 would be");
    assertEquals(5, store.size());
  }
}
