package io.ballot.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ballot.cli.ModelLoader;
import io.ballot.dsl.corpus.CorpusModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz test of issue 21: mutants of the library's models ({@code protocols/models}) and of the Rumur corpus
 * ({@code ../shared/corpus/rumur}) - tokens deleted, duplicated, swapped, the text truncated, operators and numbers
 * replaced, random bytes, invalid UTF-8, huge literals, deep nesting, huge arrays (see {@link Mutation}) - go through
 * {@code ballot validate}, and those that validate through {@code ballot check} with a one-second time limit and a
 * small {@code --memory}, in this JVM under a watchdog. Every run must end with exit 0, 3, 4 or a violation code and
 * a clean message ({@link OutcomeCheck}): never exit 1, a stack trace or a hang.
 *
 * <p>Mutants come from seeds: {@code -Dballot.fuzz.seed=N} changes the base seed (default fixed, so that a build
 * gives the same answer every time), and a failure names each failing mutant's own seed, which
 * {@code -Dballot.fuzz.replay=SEED} runs alone (in the test method that reported it). The failing mutants are also
 * written to {@code target/fuzz-failures/}.
 */
class MutantFuzzTest {

  private static final long BASE_SEED = Long.getLong("ballot.fuzz.seed", 21_11L);
  private static final Long REPLAY = Long.getLong("ballot.fuzz.replay");
  private static final int LIBRARY_MUTANTS = Integer.getInteger("ballot.fuzz.library", 500);
  private static final int CORPUS_MUTANTS = Integer.getInteger("ballot.fuzz.corpus", 1500);
  /** One in so many mutants that validate is checked too (checks take most of the time). */
  private static final int CHECK_EVERY = Integer.getInteger("ballot.fuzz.checkEvery", 4);
  /** A run longer than this is a hang; check stops itself after one second (plus compiling the model). */
  private static final long WATCHDOG_MILLIS = Long.getLong("ballot.fuzz.watchdog", 60_000L);

  @TempDir Path dir;

  @Test
  void libraryModelMutantsFailCleanly() throws Exception {
    List<Mutator.Source> sources = new ArrayList<>();
    for (Path f : models(Path.of("../protocols/models"), true)) {
      sources.add(new Mutator.Source(Path.of("../protocols/models").relativize(f).toString(), Files.readAllBytes(f)));
    }
    assertTrue(sources.size() >= 10, "the library's models: " + sources.size());
    fuzz(sources, 1, LIBRARY_MUTANTS);
  }

  @Test
  void corpusModelMutantsFailCleanly() throws Exception {
    Path corpus = CorpusModel.requireCorpus("the fuzz test of its mutants");
    List<Mutator.Source> sources = new ArrayList<>();
    for (Path f : models(corpus, false)) {
      sources.add(new Mutator.Source(f.getFileName().toString(), Files.readAllBytes(f)));
    }
    fuzz(sources, 2, CORPUS_MUTANTS);
  }

  private void fuzz(List<Mutator.Source> sources, long salt, int count) throws Exception {
    Mutator mutator = new Mutator(sources);
    List<Long> seeds = new ArrayList<>();
    if (REPLAY != null) {
      seeds.add(REPLAY);
    } else {
      for (int i = 0; i < count; i++) {
        seeds.add(seed(BASE_SEED, salt, i));
      }
    }
    FuzzCampaign campaign = new FuzzCampaign(mutator, dir, WATCHDOG_MILLIS, REPLAY != null ? 1 : CHECK_EVERY,
        ModelLoader::frontEnd);
    FuzzCampaign.Report report = campaign.run(seeds, workers());
    System.out.println(report.summary());
    if (!report.failures().isEmpty()) {
      Path saved = Path.of("target", "fuzz-failures");
      fail(report.failureMessage(saved, BASE_SEED));
    }
  }

  /** Two workers where there are two cores (a CI machine), else one. */
  private static int workers() {
    return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
  }

  /** The {@code i}th mutant's seed: a 64-bit mix of the base seed, the model set and i (SplitMix64). */
  static long seed(long base, long salt, int i) {
    long z = base * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L + i;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (z ^ (z >>> 31)) & Long.MAX_VALUE;
  }

  private static List<Path> models(Path dir, boolean recursive) throws IOException {
    try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
      return s.filter(f -> f.toString().endsWith(".m") && Files.isRegularFile(f)).sorted().toList();
    }
  }
}
