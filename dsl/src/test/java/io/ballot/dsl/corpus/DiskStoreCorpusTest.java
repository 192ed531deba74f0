package io.ballot.dsl.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.CheckOptions.Engine;
import io.ballot.checker.CheckOptions.Symmetry;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.StoreChoice;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk search ({@code --store disk}) against the in-memory search, on the corpus and the library's models,
 * under a tiny memory limit ({@value #TINY} bytes) that makes its candidate table hold a few hundred states, its
 * Bloom filter and cache tiny, so that every level is flushed many times, runs are merged and most lookups reach
 * the disk from the first levels. Verdict, states, rules fired, depth, every violation with its trace, cover counts
 * and rule counts must be equal; two threads each, so the traces are also those the in-memory search's parent rule
 * gives. Models with scalarsets run again under symmetry reduction. Models that do not finish within a second or two
 * in either search are skipped.
 * (A search stopped for another reason, e.g. a violation, is compared.)
 */
class DiskStoreCorpusTest {
  private static final long TINY = 32 << 10;
  private static final double TIME_LIMIT = 1;

  @TempDir Path tmp;

  @Test
  void diskSearchAgreesWithTheMemorySearchOnTheCorpusAndLibrary() throws IOException {
    CorpusModel.requireCorpus("disk store vs memory over the corpus");
    FrontEnd frontEnd = new FrontEnd();
    CheckOptions options = new CheckOptions(2, 0, DeadlockMode.STUTTERING, 0, 1, TIME_LIMIT)
        .withEngine(Engine.INTERPRETED).withSymmetry(Symmetry.OFF);
    List<Path> models = new ArrayList<>();
    CorpusModel.all().forEach(m -> models.add(m.path()));
    Path library = Path.of("../protocols/models").toAbsolutePath().normalize();
    if (Files.isDirectory(library)) {
      try (Stream<Path> s = Files.walk(library)) {
        s.filter(p -> p.toString().endsWith(".m")).sorted().forEach(models::add);
      }
    }
    int compared = 0;
    int violating = 0;
    int reduced = 0;
    int skipped = 0;
    long states = 0;
    List<String> failures = new ArrayList<>();
    long start = System.nanoTime();
    for (Path path : models) {
      LoadResult load = frontEnd.load(path);
      if (load.hasErrors() || Checker.diskRefusal(load.model(), options) != null) {
        continue;
      }
      Model model = load.model();
      List<CheckOptions> runs = new ArrayList<>(List.of(options));
      if (hasScalarsets(load)) {
        runs.add(options.withSymmetry(Symmetry.HEURISTIC));
      }
      for (CheckOptions o : runs) {
        Result memory = Checker.check(model, o, ProgressListener.NONE, w -> {}, null,
            new StoreChoice(StoreChoice.Kind.MEMORY, null));
        if (timedOut(memory)) {
          skipped++;
          continue;
        }
        Result disk = Checker.check(model, o.withMemoryBytes(TINY), ProgressListener.NONE, w -> {}, null,
            new StoreChoice(StoreChoice.Kind.DISK, tmp));
        if (timedOut(disk)) {
          skipped++;
          continue;
        }
        String a = ResultSummary.of(memory);
        String b = ResultSummary.of(disk);
        if (!a.equals(b)) {
          failures.add(path.getFileName() + " (" + o.symmetry() + "):\n  memory: " + a + "\n  disk:   " + b);
        }
        compared++;
        states += memory.states();
        violating += memory.verdict() == Verdict.VIOLATED && !memory.violations().get(0).trace().isEmpty() ? 1 : 0;
        reduced += o.symmetry() != Symmetry.OFF ? 1 : 0;
      }
    }
    System.out.printf("disk vs memory: %d searches compared (%d states; %d with a counterexample trace, %d under"
            + " symmetry reduction), %d skipped, %d failures, %.1f s%n", compared, states, violating, reduced,
        skipped, failures.size(), (System.nanoTime() - start) / 1e9);
    failures.forEach(f -> System.out.println("  FAIL " + f));
    assertTrue(failures.isEmpty(), failures.size() + " models differ:\n" + String.join("\n", failures));
    assertTrue(compared > 100, "only " + compared + " searches compared");
    assertTrue(violating > 20, "only " + violating + " counterexample traces compared");
    assertTrue(reduced > 5, "only " + reduced + " searches under symmetry reduction compared");
  }

  /** Stopped by the time limit: the two searches stopped at different points, so there is nothing to compare. */
  private static boolean timedOut(Result r) {
    return r.stopReason() != null && r.stopReason().startsWith("time limit");
  }

  private static boolean hasScalarsets(LoadResult load) {
    return io.ballot.checker.symmetry.SymmetryReduction.of(
        new io.ballot.checker.state.StateLayout(load.model()), Symmetry.HEURISTIC).reduces();
  }
}
