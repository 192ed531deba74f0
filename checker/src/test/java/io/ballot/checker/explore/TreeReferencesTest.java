package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A tree from the start keeps the store's records as the states' root pairs ({@link StateStore#ofReferences}): the
 * seen-set over it answers as one over full records (a new state gets the next id, a duplicate in the level being
 * built names its first id, one of an earlier level -1), every stored state reads back whole through the tree
 * ({@link TreeStateTable#decode}), also after the inner tables grew and the root set was rebuilt wider, and a record
 * costs 8 bytes whatever the state's width.
 */
class TreeReferencesTest {

  /** A random state of {@code bits} bits whose parts repeat: each 16-bit field from a few values. */
  private static long[] state(Random rnd, int bits, int choices) {
    long[] s = new long[(bits + 63) / 64];
    for (int b = 0; b < bits; b += 16) {
      int n = Math.min(16, bits - b);
      long v = (rnd.nextInt(choices) * 0x9E37L + rnd.nextInt(3)) & ((1L << n) - 1);
      s[b >>> 6] |= v << (b & 63);
    }
    return s;
  }

  @Property(tries = 40)
  void levelsByReferenceAnswerAsByValueAndReadBack(@ForAll @IntRange(min = 63, max = 500) int bits,
      @ForAll @IntRange(min = 2, max = 60) int choices, @ForAll long seed) {
    bits = Math.max(bits, 64); // 63 bits are kept inline
    int words = (bits + 63) / 64;
    assertTrue(InlineSeenSet.byReference(bits, CheckOptions.WideStore.TREE));
    StateStore store = StateStore.ofReferences(words, 10, new MemoryBudget(Long.MAX_VALUE, true));
    InlineSeenSet seen = InlineSeenSet.forBits(store, bits, CheckOptions.WideStore.TREE);
    assertTrue(store.decoder() instanceof TreeStateTable);
    StateStore.Appender appender = store.appender();
    Random rnd = new Random(seed);
    Map<List<Long>, Integer> level = new HashMap<>(); // the level being built: state -> id
    Map<List<Long>, Integer> earlier = new HashMap<>();
    int from = 0;
    long[] out = new long[words];
    for (int depth = 0; depth < 6; depth++) {
      for (int i = 0; i < 800; i++) {
        long[] s = state(rnd, bits, choices);
        List<Long> key = Arrays.stream(s).boxed().toList();
        int got = seen.add(appender, s.clone(), i, depth);
        if (earlier.containsKey(key)) {
          assertEquals(-1, got, "a state of an earlier level");
        } else if (level.containsKey(key)) {
          assertEquals(-1 - level.get(key), got, "a duplicate in the level being built");
          assertEquals(level.get(key), seen.find(s));
        } else {
          assertTrue(got >= 0, "a new state");
          level.put(key, got);
          store.get(got, out);
          assertArrayEquals(s, out, "read back at once");
        }
      }
      store.release(appender);
      for (Map.Entry<List<Long>, Integer> e : level.entrySet()) {
        store.get(e.getValue(), out);
        assertEquals(e.getKey(), Arrays.stream(out).boxed().toList(), "read back at the level's end");
      }
      int limit = store.idLimit();
      seen.levelFound(from, limit, null);
      from = limit;
      earlier.putAll(level);
      level.clear();
    }
    assertEquals(earlier.size(), store.size());
    assertEquals(8 * (long) store.idsPerChunk() + Long.BYTES + 16, store.recordBytesPerChunk());
  }

  @Property(tries = 8)
  void threadsEncodingAtOnceReadBackEveryState(@ForAll @IntRange(min = 63, max = 300) int bits, @ForAll long seed)
      throws Exception {
    bits = Math.max(bits, 64); // 63 bits are kept inline
    int words = (bits + 63) / 64;
    StateStore store = StateStore.ofReferences(words, 10, new MemoryBudget(Long.MAX_VALUE, true));
    InlineSeenSet seen = InlineSeenSet.forBits(store, bits, CheckOptions.WideStore.TREE);
    int threads = 4;
    List<List<long[]>> mine = new ArrayList<>();
    List<List<Integer>> ids = new ArrayList<>();
    Thread[] workers = new Thread[threads];
    int b = bits;
    for (int t = 0; t < threads; t++) {
      List<long[]> states = new ArrayList<>();
      List<Integer> got = new ArrayList<>();
      mine.add(states);
      ids.add(got);
      Random rnd = new Random(seed + t);
      workers[t] = new Thread(() -> {
        StateStore.Appender a = store.appender();
        for (int i = 0; i < 3000; i++) {
          long[] s = state(rnd, b, 200);
          states.add(s);
          got.add(seen.add(a, s.clone(), 0, 0));
        }
        store.release(a);
      });
    }
    for (Thread w : workers) {
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    long[] out = new long[words];
    Map<List<Long>, Integer> idOf = new HashMap<>();
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < mine.get(t).size(); i++) {
        long[] s = mine.get(t).get(i);
        int id = ids.get(t).get(i);
        int stored = id >= 0 ? id : -1 - id;
        store.get(stored, out);
        assertArrayEquals(s, out, "the state its id names");
        Integer before = idOf.putIfAbsent(Arrays.stream(s).boxed().toList(), stored);
        assertEquals(before == null ? stored : before, stored, "one id per state");
      }
    }
    assertEquals(idOf.size(), store.size());
  }
}
