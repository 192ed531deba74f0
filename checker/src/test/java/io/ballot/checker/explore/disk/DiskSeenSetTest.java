package io.ballot.checker.explore.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The disk seen-set answers exactly: over batches of random states (with many repeats within and across batches,
 * and values that share hashes' high bits), a candidate is marked new exactly when no equal state was added before,
 * whatever the table, filter and cache sizes (down to a 64-bit filter that says "maybe" to everything, and a
 * 16-slot cache), and across run merges and filter rebuilds, for a seen-set that is any one of several partitions (its
 * filter and cache index a hash by its place in the partition's range).
 */
class DiskSeenSetTest {
  @Property(tries = 60)
  void marksExactlyTheStatesNotSeenBefore(@ForAll @IntRange(min = 1, max = 3) int words,
      @ForAll @IntRange(min = 1, max = 300) int batch, @ForAll @IntRange(min = 6, max = 16) int filterBits,
      @ForAll @IntRange(min = 2, max = 2000) int distinct, @ForAll @IntRange(min = 1, max = 3) int parts,
      @ForAll long seed) throws IOException {
    Path dir = Files.createTempDirectory("disk-seen-test");
    try (DiskSeenSet seen = new DiskSeenSet(dir, "seen-", words, (1L << filterBits) + 64L * (seed & 7), 16 + seed % 5,
        parts)) {
      Random random = new Random(seed);
      Set<List<Long>> model = new HashSet<>();
      CandidateTable table = new CandidateTable(words, batch);
      boolean[] fresh = new boolean[0];
      long[] s = new long[words];
      for (int round = 0; round < 20; round++) {
        List<List<Long>> added = new ArrayList<>();
        for (int k = 0; k < batch; k++) {
          int v = random.nextInt(distinct);
          for (int w = 0; w < words; w++) {
            s[w] = w == 0 ? v : (v * 31L) ^ w;
          }
          long h = StateKeys.hash(s, 0, words);
          if (seen.recent.contains(h, s, 0)) {
            assertTrue(model.contains(key(s)), "the cache holds a state never added");
            continue;
          }
          if (table.add(h, s, 0, k, round)) {
            added.add(key(s));
          }
        }
        if (fresh.length < table.capacity) {
          fresh = new boolean[table.capacity];
        }
        seen.addNew(table, fresh, false);
        for (int i = 0; i < table.size; i++) {
          List<Long> state = added.get(i);
          assertEquals(!model.contains(state), fresh[i], "state " + state + " in round " + round);
          model.add(state);
        }
        table.clear();
      }
      assertTrue(seen.runs() <= 64 - Long.numberOfLeadingZeros(model.size() + 1L) + 1,
          seen.runs() + " runs for " + model.size() + " states");
    } finally {
      StoreDirectory.delete(dir);
    }
  }

  private static List<Long> key(long[] s) {
    List<Long> k = new ArrayList<>();
    for (long w : s) {
      k.add(w);
    }
    return k;
  }
}
