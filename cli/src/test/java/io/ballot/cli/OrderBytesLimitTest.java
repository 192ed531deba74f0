package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The arrays that make parents deterministic on several threads (the discovery order's pairs and ranking) count
 * against {@code --memory} like the states do: a limit that holds the states but not those arrays stops the search.
 */
class OrderBytesLimitTest {
  @TempDir Path dir;

  @Test
  void theDiscoveryOrdersArraysCountAgainstTheLimit() throws IOException {
    Path model = dir.resolve("counters.m");
    // 2^18 states on two threads. The levels are expanded by one thread, untracked, until one has at least
    // CheckOptions.SINGLE_THREAD_UNTIL (32,768) states: here the levels of 8 to 10 ones (43,758 to 48,620), whose
    // successors' arrays are about 1 MiB. (Counters 10^5, whose widest level has 6,000 states, never tracked.)
    Files.writeString(model, CountersModel.text(18, 1));
    // the least limit, to 64 KiB, at which the search completes without tracking (--x-parents first: no such arrays)
    long low = 1 << 20;
    long high = 8 << 20;
    assertEquals(ExitCodes.RESOURCE_LIMIT, run(model, low, "--x-parents", "first"));
    assertEquals(0, run(model, high, "--x-parents", "first"));
    while (high - low > 64 << 10) {
      long mid = (low + high) / 2;
      if (run(model, mid, "--x-parents", "first") == 0) {
        high = mid;
      } else {
        low = mid;
      }
    }
    // the tracked search holds the same states and the arrays besides: not within that limit, within 2 MiB more
    assertEquals(ExitCodes.RESOURCE_LIMIT, run(model, high));
    assertEquals(0, run(model, high + (2 << 20)));
  }

  private static int run(Path model, long memory, String... extra) {
    String[] args = new String[8 + extra.length];
    System.arraycopy(new String[] {"check", model.toString(), "--threads", "2", "--store", "memory", "--memory",
        Long.toString(memory)}, 0, args, 0, 8);
    System.arraycopy(extra, 0, args, 8, extra.length);
    Cli r = Cli.run(args);
    assertTrue(r.exitCode() == 0 || r.err().contains("memory limit reached"), r.toString());
    return r.exitCode();
  }
}
