package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ballot.checker.CheckOptions;
import io.ballot.dsl.corpus.CorpusModel;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * State counts against Rumur's: for every corpus model on which Rumur (with {@code --symmetry-reduction off})
 * finishes with all properties holding, Ballot must find exactly as many states, with the same verdict, on one
 * thread and on two. The golden counts are produced by {@code scripts/rumur-golden.py} into
 * {@code golden/rumur-counts.tsv}; this test only reads them.
 */
class RumurStateCountTest {
  /** Known differences, explained in docs/conformance.md. */
  private static final java.util.Map<String, String> EXCEPTIONS =
      java.util.Map.of();

  /** One golden row: model, states, and the flags Rumur ran with. */
  record Golden(String model, long states, List<String> flags) {}

  static List<Golden> golden() throws IOException {
    List<Golden> out = new ArrayList<>();
    try (InputStream in = RumurStateCountTest.class.getResourceAsStream("/golden/rumur-counts.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.split("\t");
        if (line.startsWith("#") || f.length < 8 || f[0].equals("model")) {
          continue;
        }
        boolean comparable = f[1].equals("off") && f[2].equals("holds") && f[5].equals("ok") && f[7].equals("-");
        if (comparable) {
          out.add(new Golden(f[0], Long.parseLong(f[3]), List.of(f[6].split(" "))));
        }
      }
    }
    return out;
  }

  /** The check options Rumur's flags ask for (deadlock detection, bound, max errors). */
  static CheckOptions options(List<String> flags, int threads) {
    CheckOptions.DeadlockMode deadlock = CheckOptions.DeadlockMode.STUTTERING;
    int bound = 0;
    int maxErrors = 1;
    for (int i = 0; i + 1 < flags.size(); i++) {
      String v = flags.get(i + 1);
      switch (flags.get(i)) {
        case "--deadlock-detection" -> deadlock = CheckOptions.DeadlockMode.valueOf(v.toUpperCase());
        case "--bound" -> bound = Integer.parseInt(v);
        case "--max-errors" -> maxErrors = Integer.parseInt(v);
        default -> {}
      }
    }
    return new CheckOptions(threads, 0, deadlock, bound, maxErrors, 60);
  }

  @Test
  void everyHoldingCorpusModelHasRumursStateCountOnOneAndTwoThreads() throws IOException {
    Path corpus = CorpusModel.requireCorpus("state-count test");
    FrontEnd frontEnd = new FrontEnd();
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    for (Golden g : golden()) {
      if (EXCEPTIONS.containsKey(g.model())) {
        continue;
      }
      LoadResult load = frontEnd.load(corpus.resolve(g.model()));
      if (load.hasErrors()) {
        mismatches.add(g.model() + ": rejected by Ballot");
        continue;
      }
      for (int threads : new int[] {1, 2}) {
        // every level on all threads: the corpus models are small, and their levels would otherwise run on one
        Result r = Checker.check(
            load.model(), options(g.flags(), threads).withSingleThreadUntil(0), ProgressListener.NONE);
        if (r.verdict() != Verdict.HOLDS || r.states() != g.states()) {
          mismatches.add(g.model() + " (" + threads + " threads): Rumur " + g.states() + " states, holds; Ballot "
              + r.states() + " states, " + r.verdict());
        }
      }
      compared++;
    }
    System.out.printf("state counts against Rumur: %d models compared, %d mismatches%n", compared, mismatches.size());
    mismatches.forEach(m -> System.out.println("  " + m));
    assertEquals(List.of(), mismatches);
  }
}
