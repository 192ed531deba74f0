package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tree's inner tables: ids in first-seen order across the pages of values, their bytes, a growth refused. */
class SubvectorTableTest {
  @Test
  void idsStayInFirstSeenOrderAcrossPagesAndValuesTakeAboutEightBytes() {
    MemoryBudget budget = new MemoryBudget(Long.MAX_VALUE, true);
    SubvectorTable t = new SubvectorTable(budget);
    int n = 100_000; // twelve pages and a part
    long[] values = new Random(5).longs(n).distinct().toArray();
    for (int i = 0; i < values.length; i++) {
      assertEquals(i, t.intern(values[i]));
      assertEquals(i, t.intern(values[i]), "a value seen again keeps its id");
    }
    for (int i = 0; i < values.length; i++) {
      assertEquals(i, t.find(values[i]));
    }
    assertEquals(-1, t.find(0x5EED_0000_0000_0001L));
    assertEquals(values.length, t.size());
    assertEquals(budget.used(), t.bytes(), "every byte charged is counted");
    // values: one page past what is held at most (not up to twice); the index: 4 bytes a slot at 37-75 % load
    long index = 4L * Integer.highestOneBit(values.length * 4 / 3) * 2;
    assertTrue(t.bytes() <= 8L * (values.length + 8192) + index + 4096, "bytes: " + t.bytes());
    t.dispose();
    assertEquals(0, budget.used());
  }

  @Test
  void aGrowthThatDoesNotFitLeavesTheValuesInterned() {
    MemoryBudget budget = new MemoryBudget(300_000, true);
    SubvectorTable t = new SubvectorTable(budget);
    int[] interned = {0};
    assertThrows(MemoryLimitReached.class, () -> {
      for (long v = 1; ; v++) {
        t.intern(v * 0x9E3779B97F4A7C15L);
        interned[0]++;
      }
    });
    assertTrue(interned[0] > 10_000, "interned " + interned[0]);
    assertTrue(budget.used() <= budget.limit());
    for (long v = 1; v <= interned[0]; v++) {
      assertEquals(v - 1, t.find(v * 0x9E3779B97F4A7C15L));
    }
  }
}
