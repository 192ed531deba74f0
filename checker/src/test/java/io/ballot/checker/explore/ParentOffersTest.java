package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Threads expanding a level in batches of rising positions, interleaved at random one rule at a time, each storing
 * new states into its own blocks of ids and offering through its {@link ParentOffers}: every state ends with the
 * parent and rule a one-thread search gives it, although most duplicates are left out of the offers. The graphs are
 * dense in duplicates (each state reached from about three parents) and the batches small, so that threads often
 * reach a state first from a later parent than its least one.
 */
class ParentOffersTest {
  private static final int PARENTS = 3_000;
  private static final int RULES = 4;
  private static final int BATCH = 8;

  @Test
  void interleavedThreadsGetTheOneThreadParentsWithFewOffers() {
    long[] counts = run(12, 0, seed -> 2 + (int) (seed % 3));
    System.out.println("ParentOffersTest: " + counts[1] + " of " + counts[0] + " duplicates offered");
    assertTrue(counts[0] > 100_000, "duplicates: " + counts[0]);
    // Without the filter every duplicate would be offered; with it, those that can win and a few more.
    assertTrue(counts[1] * 5 < counts[0], counts[1] + " of " + counts[0] + " duplicates offered");
  }

  /**
   * A thread expanding its level alone ({@link ParentOffers#alone}) offers some of its own duplicates, so that the
   * offering paths run before several threads share a level: the parents stay the one-thread search's.
   */
  @Test
  void aThreadAloneOffersSomeOfItsDuplicatesAndKeepsTheOneThreadParents() {
    long[] alone = run(4, 3, seed -> 1);
    long[] filtered = run(4, 0, seed -> 1);
    assertEquals(alone[0], filtered[0]);
    assertEquals(0, filtered[1], "one thread, every block its own: nothing to offer");
    assertTrue(alone[1] > 100 && alone[1] < alone[0], alone[1] + " of " + alone[0] + " duplicates offered");
  }

  /** Levels built by one thread alone, their ranking skipped, then levels built by several: the same parents. */
  @Test
  void levelsBuiltAloneAndThenByThreadsGetTheOneThreadParents() {
    assertTrue(run(6, 2, seed -> 2 + (int) (seed % 2))[0] > 10_000);
  }

  /**
   * Expands three levels of {@code seeds} random graphs, checking every level: the first {@code aloneLevels} on one
   * thread alone ({@link ParentOffers#alone}, {@link DiscoveryOrder#finishLevelAlone}), the others on {@code
   * threadsOf.applyAsInt(seed)} threads. Returns the duplicates found and those offered.
   */
  private static long[] run(int seeds, int aloneLevels, java.util.function.LongToIntFunction threadsOf) {
    ExecutorService pool = Executors.newFixedThreadPool(1);
    try {
      ParallelParts parallel = new ParallelParts(pool, 1, 1);
      long duplicates = 0;
      long offered = 0;
      for (long seed = 0; seed < seeds; seed++) {
        Random rnd = new Random(seed);
        int threads = threadsOf.applyAsInt(seed);
        StateStore store = new StateStore(32, 1, RULES);
        StateStore.Appender a = store.appender();
        List<Integer> level = new ArrayList<>();
        for (int p = 0; p < PARENTS; p++) {
          level.add(store.add(a, new long[] {p}, -1, 0));
        }
        store.release(a);
        DiscoveryOrder order = new DiscoveryOrder();
        order.boundBy(store);
        order.startTracking(0, store.idLimit());
        for (int depth = 1; depth <= 3; depth++) {
          long[] counts = new long[2];
          boolean alone = depth <= aloneLevels;
          level = expandAndCheck(rnd, alone ? 1 : threads, alone, store, order, parallel, level,
              depth * 1_000_000L, counts);
          duplicates += counts[0];
          offered += counts[1];
        }
      }
      return new long[] {duplicates, offered};
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Expands {@code level} (ids in discovery order) over a random graph on {@code threads} interleaved threads;
   * checks the new level's parents, rules and order against a one-thread search and returns its ids in that order.
   * Adds the duplicates found and those offered to {@code counts}.
   */
  private static List<Integer> expandAndCheck(Random rnd, int threads, boolean alone, StateStore store,
      DiscoveryOrder order, ParallelParts parallel, List<Integer> level, long values, long[] counts) {
    int parents = level.size();
    RandomLevel g = RandomLevel.of(rnd, level, RULES, parents * 4 / 3, 8);
    int children = g.children();
    int[][] succ = g.succ();
    int[] firstParent = g.firstParent();
    int[] firstRule = g.firstRule();
    List<Integer> oneThreadOrder = g.oneThreadOrder();
    int from = java.util.Collections.min(level);
    int to = store.idLimit();
    int[] idOf = new int[children];
    Arrays.fill(idOf, -1);
    Sim[] sims = new Sim[threads];
    for (int t = 0; t < threads; t++) {
      sims[t] = new Sim(store.appender(), alone ? order.offers().alone() : order.offers());
    }
    int[] cursor = {0};
    int live = threads;
    while (live > 0) {
      Sim s = sims[rnd.nextInt(threads)];
      if (s.done) {
        continue;
      }
      if (s.rule == RULES) { // the next parent: of this batch, or of the next batch
        s.position++;
        if (s.position >= s.batchEnd) {
          if (cursor[0] >= parents) {
            s.done = true;
            live--;
            continue;
          }
          s.position = cursor[0];
          s.batchEnd = Math.min(parents, cursor[0] + BATCH);
          cursor[0] = s.batchEnd;
        }
        s.rule = 0;
        s.offers.expanding(s.position, s.batchEnd);
      }
      int c = succ[s.position][s.rule];
      if (c >= 0) {
        if (idOf[c] < 0) {
          idOf[c] = store.add(s.appender, new long[] {values + c}, level.get(s.position), s.rule);
          s.offers.stored(idOf[c]);
        } else {
          counts[0]++;
          s.offers.seen(idOf[c], s.rule);
        }
      }
      s.rule++;
    }
    for (Sim s : sims) {
      store.release(s.appender);
      counts[1] += s.offers.offered();
    }
    // a level one thread built is in discovery order already (DiscoveryOrder#finishLevelAlone): ids kept
    Renumbering renumbered = alone ? null : order.finishLevel(store, from, to, store.idLimit(), parallel);
    if (renumbered == null) {
      order.finishLevelAlone(to, store.idLimit());
    }
    List<Integer> next = new ArrayList<>();
    for (int k = 0; k < oneThreadOrder.size(); k++) {
      int c = oneThreadOrder.get(k);
      int id = renumbered == null ? idOf[c] : renumbered.map(idOf[c]);
      assertEquals(firstParent[c], store.parent(id), "parent of child " + c);
      assertEquals(firstRule[c], store.rule(id), "rule of child " + c);
      assertEquals(k, order.position(id), "position of child " + c);
      next.add(id);
    }
    return next;
  }

  /** One simulated thread: its block of ids, its offers, and where it is in its batch. */
  private static final class Sim {
    final StateStore.Appender appender;
    final ParentOffers offers;
    int position;
    int batchEnd;
    int rule = RULES;
    boolean done;

    Sim(StateStore.Appender appender, ParentOffers offers) {
      this.appender = appender;
      this.offers = offers;
    }
  }
}
