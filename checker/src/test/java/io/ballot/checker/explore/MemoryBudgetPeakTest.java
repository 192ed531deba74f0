package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The budget's peak is the most ever reserved at once, what was held only for a moment included (a table's old and
 * new arrays while it grows), not what is reserved when someone looks; a reservation refused does not raise it.
 */
class MemoryBudgetPeakTest {
  @Test
  void thePeakIsTheHighWaterMarkOfTheReservations() {
    MemoryBudget budget = new MemoryBudget(1000, true);
    budget.reserve(300);
    budget.reserve(400); // a growing table's new array beside its old one
    budget.release(300); // the old one dropped
    assertEquals(400, budget.used());
    assertEquals(700, budget.peak());
    assertThrows(MemoryLimitReached.class, () -> budget.reserve(601));
    assertEquals(700, budget.peak(), "a refused reservation holds nothing");
    budget.reserve(500);
    assertEquals(900, budget.peak());
    budget.charge(200); // counted beyond the limit
    assertEquals(1100, budget.peak());
  }

  @Test
  void concurrentReservationsRaiseThePeakToTheirSum() throws Exception {
    MemoryBudget budget = new MemoryBudget(Long.MAX_VALUE, true);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?>[] tasks = new Future<?>[4];
      for (int t = 0; t < tasks.length; t++) {
        tasks[t] = pool.submit(() -> {
          for (int k = 0; k < 10_000; k++) {
            budget.reserve(3);
          }
        });
      }
      for (Future<?> f : tasks) {
        f.get(1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(120_000, budget.used());
    assertEquals(120_000, budget.peak());
  }
}
