package io.ballot.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.messages.MessageTraces;
import io.ballot.dsl.corpus.CorpusModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model of the corpus on the cluster engine ({@code local[2]}, one Spark context for the class) against the
 * local explorer on the same compiled model, with the options its header asks for (Rumur's deadlock detection,
 * {@code --bound}, {@code --max-errors}): verdict, states, rules fired, depth, stop reason, covers, rule counts, and
 * each violation's kind, property, location, message and trace length (the local explorer's is a shortest one; the
 * cluster's is replayed and confirmed on the concrete semantics before it is returned). A model is skipped, with its
 * reason, when it is invalid (Rumur rejects it: there is nothing to explore; {@code CheckConformanceTest} checks that
 * ballot rejects it too), when ballot's front end rejects it (the corpus's known exceptions) or when the cluster
 * engine refuses it by design (liveness). A header's {@code skip_reason} is about Rumur's run (no SMT solver, no
 * sandbox, not in debug mode): the model is valid and explored here. Each run's times are printed, and after the
 * class a fit of the cluster's time per model and per level ({@code bench/cluster-corpus.sh}). Every model file
 * of the protocol library runs here too, the large rows with smaller constants ({@link #library}).
 */
class SparkCorpusTest {
  private static JavaSparkContext sc;
  private static final List<RunTimes.Run> RUNS = new ArrayList<>();
  /**
   * The library's rows that hold are run as they are when they have at most this many states ({@code
   * -Dcluster.libraryStates=N}; every row with a large N and {@link #LIBRARY_STEPS}: an hour or more on two cores),
   * the others with the smaller constants of {@code library-reduced.tsv}.
   */
  static final long LIBRARY_STATES = Long.getLong("cluster.libraryStates", 10_000);
  /**
   * The library's bugged rows are run when their shortest counterexample has at most this many steps ({@code
   * -Dcluster.librarySteps=N}), the others with smaller constants: the search explores every level above it (10 steps: up to 63,647 states; the 14 and
   * 19 of Paxos and Raft's: 257,827 to 3,634,503).
   */
  static final int LIBRARY_STEPS = Integer.getInteger("cluster.librarySteps", 10);
  /** The runs' partitions: {@code -Dcluster.partitions=N} (0, the default: the engine's default). */
  static final int PARTITIONS = Integer.getInteger("cluster.partitions", 0);
  /** The runs' narrow limit: {@code -Dcluster.narrowLimit=N} (-1, the default: the engine's). */
  static final int NARROW_LIMIT = Integer.getInteger("cluster.narrowLimit", -1);

  @BeforeAll
  static void start() {
    sc = SparkContexts.local("SparkCorpusTest");
  }

  @AfterAll
  static void stop() {
    if (sc != null) {
      sc.stop();
    }
    RunTimes.summarise("corpus", RUNS, System.out);
  }

  static Stream<Arguments> corpus() throws IOException {
    CorpusModel.requireCorpus("cluster search over the corpus");
    return CorpusModel.all().stream().map(cm -> Arguments.of(cm.name(), cm));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void sameResultAsTheLocalExplorer(String name, CorpusModel cm) throws IOException {
    Assumptions.assumeFalse(cm.mustBeRejected(),
        () -> cm.name() + ": an invalid model (Rumur rejects it), nothing to explore");
    CheckOptions options = SparkExplorerTest.optionsOf(cm.rumurFlags());
    RUNS.add(compare(sc, new SparkExplorerTest.Case(cm.path(), options), cm.name()));
  }

  /**
   * The protocol library's rows ({@code protocols/manifest.tsv}: each model in each symmetry mode, with its deadlock
   * detection), plain and extension twins: those that hold with at most {@link #LIBRARY_STATES} states and the bugged
   * ones whose counterexample has at most {@link #LIBRARY_STEPS} steps as they are, the larger ones with the smaller
   * constants of {@code library-reduced.tsv} (named with them), and Peterson's model.
   */
  static Stream<Arguments> library() throws IOException {
    return LibraryRows.runs(repo(""), LIBRARY_STATES, LIBRARY_STEPS).stream().map(r -> Arguments.of(r.name(), r));
  }

  /**
   * The same result on both engines; a bugged row run with smaller constants still violates the manifest's property,
   * in at most the manifest's steps (the constants still show the bug).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("library")
  void theLibrarysModelsGiveTheLocalExplorersResult(String name, LibraryRows.Run run) throws IOException {
    Compared c = compareResults(sc, run.c(), name);
    RUNS.add(c.times());
    if (run.reduced() && !run.row().holds()) {
      Result local = c.local();
      assertEquals(Verdict.VIOLATED, local.verdict(), name + ": the smaller constants still violate");
      assertEquals(run.row().property(), local.violations().get(0).property(), name + ": the manifest's property");
      assertTrue(local.violations().get(0).trace().size() <= run.row().steps(),
          name + ": at most the manifest's " + run.row().steps() + " steps");
    }
  }

  /**
   * Every model file of the library runs in the default configuration (as it is or with smaller constants), and
   * every row of {@code library-reduced.tsv} stands for a manifest row too large to run as it is.
   */
  @Test
  void everyLibraryModelFileRunsByDefault() throws IOException {
    List<LibraryRows.ManifestRow> manifest = LibraryRows.manifest(repo(""));
    Set<String> files = new TreeSet<>();
    manifest.forEach(r -> files.add(r.model()));
    Set<String> run = new TreeSet<>();
    LibraryRows.runs(repo(""), 10_000, 10).forEach(r -> {
      if (r.row() != null) {
        run.add(r.row().model());
      }
    });
    assertEquals(files, run, "the library's model files run by default");
    assertEquals(24, files.size(), "the manifest's 24 model files, plain and -ext");
    Set<String> large = new TreeSet<>();
    manifest.stream().filter(r -> !r.small(10_000, 10)).forEach(r -> large.add(r.key()));
    for (String key : LibraryRows.reduced().keySet()) {
      assertTrue(large.contains(key), () -> "library-reduced.tsv: " + key + " is no large row of the manifest");
    }
  }

  /**
   * Checks case {@code c} on the local explorer and on {@code sc}, asserts the same result and returns the times;
   * aborts (a skip, with the reason) when the front end or the cluster engine refuses the model.
   */
  static RunTimes.Run compare(JavaSparkContext sc, SparkExplorerTest.Case c, String name) throws IOException {
    return compareResults(sc, c, name).times();
  }

  /** The local explorer's result of a comparison and the run's times. */
  record Compared(Result local, RunTimes.Run times) {}

  /** As {@link #compare}, and returns the local explorer's result too. */
  static Compared compareResults(JavaSparkContext sc, SparkExplorerTest.Case c, String name) throws IOException {
    ModelSpec spec = SparkExplorerTest.spec(c);
    LoadedModel m;
    try {
      m = LoadedModels.get(spec);
    } catch (IllegalStateException e) { // the front end rejects it: a known exception of the corpus conformance
      Assumptions.abort(name + ": ballot's front end rejects it: " + e.getMessage());
      throw e;
    }
    String why = SparkExplorer.unsupported(m);
    Assumptions.assumeTrue(why == null, () -> name + ": refused by the cluster engine by design: " + why);
    long t0 = System.nanoTime();
    Result local = MessageTraces.annotate(new BfsExplorer(m.transitions(), c.options(), ProgressListener.NONE).run(),
        m.model().networks());
    long t1 = System.nanoTime();
    SparkExplorer explorer = new SparkExplorer(sc, spec, c.options(), PARTITIONS, ProgressListener.NONE);
    if (NARROW_LIMIT >= 0) {
      explorer.narrowLimit(NARROW_LIMIT);
    }
    Result spark = explorer.run();
    long t2 = System.nanoTime();
    // the local explorer's traces are shortest; the cluster's has the same length, and was replayed and confirmed on
    // the concrete semantics (PathCounterexample) before the run returned
    SparkExplorerTest.assertSame(local, spark, name);
    int partitioned = (int) explorer.levelPartitions().stream().filter(k -> k > 1).count();
    RunTimes.Run r = new RunTimes.Run(name, spark.states(), explorer.levelSizes().size(), partitioned,
        (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    System.out.println(r.line());
    return new Compared(local, r);
  }

  /** A path under the repository, from the module directory the tests run in. */
  static Path repo(String path) {
    return Path.of("..", path);
  }
}
