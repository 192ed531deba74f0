package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The tree-compressed set is exact: every state added is found and no other (states differing in one bit from one
 * added, whichever part of the tree that bit is in), across the inner tables' growth and the root set's rebuilds
 * with wider fields; states whose parts repeat cost about one root entry each; a rebuild or a growth the budget cannot
 * hold throws and leaves the states added before it in the set. A level added by several threads at once ({@link
 * TreeStateTable#addLevel}: shared inner tables, the root set split by stripe) gives the same set as one thread, and
 * a reading thread's memo of its last lookup (kept in its appender) does not hide a part added since.
 */
class TreeStateTableTest {

  /** A random state of {@code bits} bits whose parts repeat: each 16-bit field from a few values. */
  private static long[] state(Random rnd, int bits, int choices) {
    long[] s = new long[(bits + 63) / 64];
    for (int b = 0; b < bits; b += 16) {
      int n = Math.min(16, bits - b);
      long v = (rnd.nextInt(choices) * 0x9E37L) & ((1L << n) - 1);
      s[b >>> 6] |= v << (b & 63);
    }
    return s;
  }

  private static List<Long> key(long[] s) {
    List<Long> k = new ArrayList<>();
    for (long w : s) {
      k.add(w);
    }
    return k;
  }

  @Property(tries = 60)
  void holdsExactlyTheStatesAdded(@ForAll @IntRange(min = 63, max = 400) int bits,
      @ForAll @IntRange(min = 2, max = 40) int choices, @ForAll long seed) {
    bits = Math.max(bits, 2 * TreeStateTable.LEAF_BITS + 1);
    TreeStateTable t = new TreeStateTable(bits, new MemoryBudget(Long.MAX_VALUE, true));
    Random rnd = new Random(seed);
    Set<List<Long>> added = new HashSet<>();
    List<long[]> states = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      long[] s = state(rnd, bits, choices);
      assertEquals(added.add(key(s)), t.add(s), "state " + key(s));
      states.add(s);
    }
    assertEquals(added.size(), t.size());
    for (long[] s : states) {
      assertTrue(t.contains(s), "state " + key(s));
      long[] neighbour = s.clone();
      int bit = rnd.nextInt(bits);
      neighbour[bit >>> 6] ^= 1L << (bit & 63);
      assertEquals(added.contains(key(neighbour)), t.contains(neighbour), "neighbour at bit " + bit);
      long[] other = state(rnd, bits, choices + 1);
      assertEquals(added.contains(key(other)), t.contains(other), "other " + key(other));
    }
  }

  @Test
  void edgeValuesOfEveryLeafAndGrowthFromTinyTables() {
    int bits = 72;
    TreeStateTable t = new TreeStateTable(bits, new MemoryBudget(Long.MAX_VALUE, true));
    int rootBits = t.rootBits();
    long[] zero = new long[2];
    long[] ones = {-1L, 0xFFL};
    assertFalse(t.contains(zero));
    assertTrue(t.add(zero));
    assertFalse(t.contains(ones));
    assertTrue(t.add(ones));
    assertFalse(t.add(ones.clone()));
    // A part found absent by a lookup and added since is found by the next lookup (the thread's memo is renewed).
    long[] fresh = {0x1234_5678_9ABCL, 0x42};
    assertFalse(t.contains(fresh));
    assertTrue(t.add(fresh));
    assertTrue(t.contains(fresh));
    assertFalse(t.contains(new long[] {0x1234_5678_9ABCL, 0x43}));
    // Distinct halves by the thousand: the inner tables grow from 16 entries and the root's fields widen.
    Set<List<Long>> added = new HashSet<>(List.of(key(zero), key(ones), key(fresh)));
    Random rnd = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      long[] s = {rnd.nextLong(), rnd.nextInt(256)};
      assertEquals(added.add(key(s)), t.add(s));
    }
    assertTrue(t.rootBits() > rootBits + 20, "root fields widened: " + rootBits + " to " + t.rootBits());
    assertEquals(added.size(), t.size());
    for (List<Long> k : added) {
      assertTrue(t.contains(new long[] {k.get(0), k.get(1)}));
    }
    for (int i = 0; i < 100_000; i++) {
      long[] s = {rnd.nextLong(), rnd.nextInt(256)};
      assertEquals(added.contains(key(s)), t.contains(s));
    }
  }

  @Test
  void statesWhosePartsRepeatCostAboutARootEntry() {
    // 1 000 000 states of 96 bits: three fields of 100 values each, spread over the words.
    TreeStateTable t = new TreeStateTable(96, new MemoryBudget(Long.MAX_VALUE, true));
    for (long a = 0; a < 100; a++) {
      for (long b = 0; b < 100; b++) {
        for (long c = 0; c < 100; c++) {
          t.add(new long[] {a * 0x1_0000_0001L | b << 40, c << 3 | b << 20});
        }
      }
    }
    assertEquals(1_000_000, t.size());
    double perState = t.bytes() / 1e6;
    assertTrue(perState < 12, "below the packed state's 12 bytes (a 5-byte root entry at over 45 % load): " + perState);
  }

  @Test
  void aRebuildThatDoesNotFitLeavesTheStatesAddedBefore() {
    MemoryBudget budget = new MemoryBudget(600_000, true);
    TreeStateTable t = new TreeStateTable(80, budget);
    List<long[]> added = new ArrayList<>();
    Random rnd = new Random(3);
    MemoryLimitReached stop = assertThrows(MemoryLimitReached.class, () -> {
      for (int i = 0; i < 1_000_000; i++) {
        long[] s = {rnd.nextLong(), rnd.nextInt(1 << 16)};
        t.add(s);
        added.add(s);
      }
    });
    assertTrue(stop.getMessage() != null);
    assertTrue(budget.used() <= budget.limit(), "within the budget: " + budget.used());
    assertEquals(added.size(), t.size());
    for (long[] s : added) {
      assertTrue(t.contains(s));
    }
  }

  /** A store holding {@code states}, in order, as one level (ids from 0). */
  private static StateStore storeOf(int bits, List<long[]> states) {
    StateStore store = new StateStore(bits, (bits + 63) / 64, 4);
    StateStore.Appender a = store.appender();
    for (long[] s : states) {
      store.add(a, s, -1, 0);
    }
    store.release(a);
    return store;
  }

  @Property(tries = 12)
  void aLevelAddedByThreadsAtOnceIsTheSetOneThreadAdds(@ForAll @IntRange(min = 63, max = 300) int bits,
      @ForAll @IntRange(min = 2, max = 400) int choices, @ForAll @IntRange(min = 1, max = 4) int threads,
      @ForAll long seed) throws Exception {
    Random rnd = new Random(seed);
    List<long[]> states = new ArrayList<>();
    Set<List<Long>> added = new HashSet<>();
    // more than a batch (2^15), with parts new to the inner tables all along, so that the root's fields widen
    // between batches, and repeats within the level
    for (int i = 0; i < 70_000; i++) {
      long[] s = i % 5 == 4 ? states.get(rnd.nextInt(states.size())) : state(rnd, bits, choices + i / 100);
      states.add(s);
      added.add(key(s));
    }
    StateStore store = storeOf(bits, states);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      TreeStateTable t = new TreeStateTable(bits, new MemoryBudget(Long.MAX_VALUE, true));
      int rootBits = t.rootBits();
      t.addLevel(store, 0, store.idLimit(), new ParallelParts(pool, threads, 1));
      assertEquals(added.size(), t.size());
      assertTrue(t.rootBits() > rootBits, "the root's fields widened: " + t.rootBits());
      TreeStateTable one = new TreeStateTable(bits, new MemoryBudget(Long.MAX_VALUE, true));
      for (long[] s : states) {
        one.add(s);
      }
      assertEquals(one.size(), t.size());
      assertEquals(java.util.Arrays.toString(one.innerSizes()), java.util.Arrays.toString(t.innerSizes()),
          "the same distinct parts interned, none twice");
      for (int i = 0; i < 5000; i++) {
        long[] s = states.get(rnd.nextInt(states.size()));
        assertTrue(t.contains(s), "state " + key(s));
        long[] other = state(rnd, bits, choices + 700);
        assertEquals(added.contains(key(other)), t.contains(other), "other " + key(other));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aThreadsMemoOfItsLastLookupDoesNotHideAPartAddedSince() {
    int bits = 100;
    TreeStateTable t = new TreeStateTable(bits, new MemoryBudget(Long.MAX_VALUE, true));
    StateStore.Appender reader = new StateStore(bits, 2, 4).appender();
    long[] first = {0x1111_2222_3333_4444L, 0x5L};
    t.add(first);
    assertTrue(t.contains(first, reader));
    // differs from the first in the low leaf only: absent, and the memo now holds "absent" for that leaf's parents
    long[] next = {0x1111_2222_3333_4445L, 0x5L};
    assertFalse(t.contains(next, reader));
    assertFalse(t.contains(next, reader));
    StateStore store = storeOf(bits, List.of(next));
    t.addLevel(store, 0, 1, null);
    assertTrue(t.contains(next, reader), "added since the reader's last lookup");
    assertTrue(t.contains(first, reader));
    assertFalse(t.contains(new long[] {0x1111_2222_3333_4446L, 0x5L}, reader));
  }

  @Test
  void narrowStatesAreRefused() {
    assertFalse(TreeStateTable.fits(62));
    assertTrue(TreeStateTable.fits(63));
    assertThrows(IllegalArgumentException.class, () -> new TreeStateTable(62, new MemoryBudget(1 << 20, true)));
  }
}
