package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Under an explicit {@code --memory} the signature table is sized up front to half of it (CMurphi's {@code -m}), so
 * that a search that fits never grows it; without one (or with no real limit) it starts small.
 */
class HashCompactionSizingTest {
  @Test
  void anExplicitLimitSizesTheTableUpFront() {
    MemoryBudget budget = new MemoryBudget(100L << 20, true);
    long slots = CompactedSeenSet.firstSlots(40, budget);
    assertEquals((100L << 20) / 100 * 50 * 8 / 40, slots);
    long bytes = SignatureTable.bytesFor(40, slots);
    assertTrue(bytes <= (100L << 20) / 2 + 64 && bytes > (100L << 20) * 49 / 100, "bytes " + bytes);
  }

  @Test
  void theDefaultLimitStartsSmall() {
    assertEquals(1 << 12, CompactedSeenSet.firstSlots(40, new MemoryBudget(100L << 30, false)));
    assertEquals(1 << 12, CompactedSeenSet.firstSlots(40, new MemoryBudget(Long.MAX_VALUE, true)));
    assertEquals(1 << 12, CompactedSeenSet.firstSlots(40, new MemoryBudget(10_000, true)));
  }
}
