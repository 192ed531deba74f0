package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A level renumbered into discovery order ({@link StateStore#permute}, {@link StripedStateTable#renumber}): every
 * record moves to its new id, the level's holes come last, the levels around it stay as they were, and the index
 * finds each state at its new id, including when a state's new id is another state's old one.
 */
class RenumberingTest {
  private static ExecutorService pool;

  @BeforeAll
  static void start() {
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
  }

  /** A state of {@code bits} bits made from {@code v}: distinct for distinct {@code v}, the unused bits zero. */
  private static long[] state(long v, int bits) {
    int words = (bits + 63) >>> 6;
    long[] s = new long[words];
    for (int w = 0; w < words; w++) {
      s[w] = (v + 1) * 0x9E3779B97F4A7C15L * (w + 1);
    }
    s[0] = s[0] & ~0xFFFFFL | v; // distinct in the low 20 bits
    int used = bits - 64 * (words - 1);
    if (used < 64) {
      s[words - 1] &= (1L << used) - 1;
    }
    return s;
  }

  /** A level's ids, stored by two appenders in turn at random, after a first level: {@code [from, limit)}. */
  private record Built(StateStore store, StripedStateTable table, int from, int limit, List<Integer> ids) {}

  private static Built build(int bits, int n, Random rnd) {
    StateStore store = new StateStore(bits, (bits + 63) >>> 6, 8);
    StripedStateTable table = new StripedStateTable(store, bits <= 32);
    StateStore.Appender first = store.appender();
    for (int v = 0; v < 100; v++) {
      table.add(first, state(v, bits), -1, v % 8);
    }
    store.release(first);
    int from = store.idLimit();
    StateStore.Appender[] two = {store.appender(), store.appender()};
    List<Integer> ids = new ArrayList<>();
    for (int v = 100; v < 100 + n; v++) {
      ids.add(table.add(two[rnd.nextInt(2)], state(v, bits), v % 100, v % 8));
    }
    for (StateStore.Appender a : two) {
      store.release(a);
    }
    return new Built(store, table, from, store.idLimit(), ids);
  }

  @ParameterizedTest
  @ValueSource(ints = {20, 69, 200})
  void recordsAndIndexFollowTheirStatesToTheNewIds(int bits) {
    for (int parts = 1; parts <= 3; parts += 2) {
      Random rnd = new Random(bits * 7L + parts);
      int n = 150_000; // over two chunks of the narrowest states
      Built b = build(bits, n, rnd);
      // the new order: the states shuffled (old ids relative to from)
      List<Integer> shuffled = new ArrayList<>(b.ids());
      Collections.shuffle(shuffled, rnd);
      int[] source = shuffled.stream().mapToInt(id -> id - b.from()).toArray();
      int[] newIndex = new int[b.limit() - b.from()];
      java.util.Arrays.fill(newIndex, -1);
      for (int k = 0; k < source.length; k++) {
        newIndex[source[k]] = k;
      }
      Renumbering r = new Renumbering(b.from(), b.limit(), source, source.length);
      int size = b.store().size();
      b.store().permute(b.from(), b.limit(), source, new ParallelParts(pool, parts, 1));
      b.table().renumber(r, new ParallelParts(pool, parts, 1));
      assertEquals(size, b.store().size());
      for (int v = 0; v < 100; v++) {
        assertArrayEquals(state(v, bits), get(b.store(), v), "the level before is left as it was");
        assertEquals(v, b.table().find(state(v, bits)));
      }
      for (int i = 0; i < n; i++) {
        int v = 100 + i;
        int id = r.map(b.ids().get(i));
        assertEquals(b.from() + newIndex[b.ids().get(i) - b.from()], id);
        assertArrayEquals(state(v, bits), get(b.store(), id), "state " + v + " at its new id");
        assertEquals(id, b.table().find(state(v, bits)), "the index gives state " + v + "'s new id");
        assertEquals(-1 - id, b.table().add(b.store().appender(), state(v, bits), 0, 0));
      }
      for (int id = b.from() + n; id < b.limit(); id++) {
        assertTrue(b.store().isHole(id), "holes last");
      }
    }
  }

  /**
   * The links given to {@link StateStore#permute} (the least parents) land with their records, in the same pass, for
   * rule ids of two bytes and of four; {@link StateStore#link} reads them back, and a hole as negative.
   */
  @ParameterizedTest
  @ValueSource(ints = {8, 100_000})
  void permuteWritesEachStatesLinkWithItsRecord(int ruleLimit) {
    int bits = 20;
    Random rnd = new Random(ruleLimit);
    StateStore store = new StateStore(bits, 1, ruleLimit);
    StateStore.Appender first = store.appender();
    for (int v = 0; v < 100; v++) {
      store.add(first, state(v, bits), -1, 0);
    }
    store.release(first);
    int from = store.idLimit();
    StateStore.Appender[] two = {store.appender(), store.appender()};
    List<Integer> ids = new ArrayList<>();
    int n = 150_000; // over two chunks
    for (int v = 100; v < 100 + n; v++) {
      ids.add(store.add(two[rnd.nextInt(2)], state(v, bits), v % 100, v % 8));
    }
    for (StateStore.Appender a : two) {
      store.release(a);
    }
    int limit = store.idLimit();
    List<Integer> shuffled = new ArrayList<>(ids);
    Collections.shuffle(shuffled, rnd);
    int[] source = new int[n + 7]; // longer than the level, as the ranking's kept arrays are
    long[] links = new long[limit - from];
    for (int k = 0; k < n; k++) {
      source[k] = shuffled.get(k) - from;
      links[source[k]] = ((long) rnd.nextInt(100) << 32) | rnd.nextInt(ruleLimit);
    }
    store.permute(from, limit, source, n, links, new ParallelParts(pool, 2, 1));
    for (int k = 0; k < n; k++) {
      int id = from + k;
      int v = (int) (get(store, id)[0] & 0xFFFFF);
      assertEquals(shuffled.get(k), ids.get(v - 100), "state " + v + " moved to its new id");
      assertEquals(links[source[k]], store.link(id), "the link given for state " + v);
      assertEquals((int) (links[source[k]] >>> 32), store.parent(id));
      assertEquals((int) links[source[k]], store.rule(id));
    }
    for (int id = from + n; id < limit; id++) {
      assertTrue(store.isHole(id) && store.link(id) < 0, "holes last, and negative links");
    }
    assertEquals(-1, store.link(0), "a start state's link (parent -1) is negative too");
  }

  @Test
  void aLevelWhoseCopyDoesNotFitTheBudgetIsLeftAsItWas() {
    int bits = 4096; // 512 bytes a state
    MemoryBudget budget = new MemoryBudget(8 << 20, true);
    StateStore store = new StateStore(bits, bits / 64, 8, budget);
    StateStore.Appender a = store.appender();
    int n = 0;
    try {
      while (true) { // fill the budget
        store.add(a, state(n, bits), -1, 0);
        n++;
      }
    } catch (MemoryLimitReached e) {
      // full
    }
    store.release(a);
    int count = n;
    int[] source = new int[count];
    for (int k = 0; k < count; k++) {
      source[k] = count - 1 - k;
    }
    assertThrows(MemoryLimitReached.class,
        () -> store.permute(0, store.idLimit(), source, new ParallelParts(pool, 2, 1)));
    for (int v = 0; v < count; v++) {
      assertArrayEquals(state(v, bits), get(store, v));
    }
  }

  private static long[] get(StateStore store, int id) {
    long[] out = new long[store.words()];
    store.get(id, out);
    return out;
  }
}
