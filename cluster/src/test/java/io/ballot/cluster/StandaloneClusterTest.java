package io.ballot.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.messages.MessageTraces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search on a real multi-process cluster: a Spark standalone master and two one-core workers on 127.0.0.1 (child
 * JVMs, {@link StandaloneCluster}), whose executors are further JVMs started by the workers, states crossing
 * between them through Spark's shuffle over the network. Same results as the local explorer. Skipped, saying why,
 * when the cluster cannot start (no free port, no way to fork a JVM). Five JVMs on a shared 2-core machine take over
 * a minute, so the test is tagged out of the default run ({@code -Dcluster.excludedGroups=} runs it; docs/cluster.md);
 * {@code bench/cluster.sh MODEL ROUNDS standalone} runs the same kind of cluster from ballot.jar.
 */
@Tag("spark-standalone")
class StandaloneClusterTest {
  private static StandaloneCluster cluster;
  private static JavaSparkContext sc;
  private static String whyNot;

  @BeforeAll
  static void start() {
    long t0 = System.nanoTime();
    try {
      cluster = StandaloneCluster.start(2, 60);
    } catch (IOException | InterruptedException | IllegalStateException e) {
      whyNot = "skipped: a Spark standalone cluster could not start on 127.0.0.1: " + e.getMessage();
      System.err.println("StandaloneClusterTest " + whyNot);
      return;
    }
    SparkConf conf = new SparkConf()
        .setMaster(cluster.masterUrl())
        .setAppName("StandaloneClusterTest")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.cores.max", "2")
        .set("spark.executor.memory", "512m")
        // one-core executors: a task runs on the free one rather than wait 3 s for the one that holds its blocks
        .set("spark.locality.wait", "0")
        // the executors load ballot's classes from the test's classpath (a run from ballot.jar ships the jar)
        .set("spark.executor.extraClassPath", StandaloneCluster.testClassPath());
    SparkCluster.configure(conf);
    sc = new JavaSparkContext(conf);
    System.err.printf("StandaloneClusterTest: master, 2 workers and the driver up in %.1f s%n",
        (System.nanoTime() - t0) / 1e9);
  }

  @AfterAll
  static void stop() {
    if (sc != null) {
      sc.stop();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"two-phase/TwoPhase.m", "two-phase/TwoPhase-bug-commit-on-timeout.m"})
  void sameResultAsTheLocalExplorer(String model) throws IOException {
    assumeTrue(whyNot == null, whyNot);
    Path file = Path.of("../protocols/models", model);
    CheckOptions options = new CheckOptions(1, 0, DeadlockMode.STUCK, 0, 1, 0)
        .withSymmetry(CheckOptions.Symmetry.HEURISTIC);
    ModelSpec spec = ModelSpec.of(file.toString(), Files.readString(file, StandardCharsets.UTF_8), List.of(), options);
    LoadedModel m = LoadedModels.get(spec);
    Result local = MessageTraces.annotate(new BfsExplorer(m.transitions(), options, ProgressListener.NONE).run(),
        m.model().networks());
    long t0 = System.nanoTime();
    Result spark = new SparkExplorer(sc, spec, options, 2, ProgressListener.NONE)
        .narrowLimit(0) // every level partitioned: the successors cross between the two workers
        .run();
    System.err.printf("StandaloneClusterTest: %s, %d states, %d levels in %.1f s%n", model, spark.states(),
        spark.depth() + 1, (System.nanoTime() - t0) / 1e9);
    SparkExplorerTest.assertSame(local, spark, model + " on " + cluster.masterUrl());
    assertEquals(model.contains("bug") ? Verdict.VIOLATED : Verdict.HOLDS, spark.verdict());
  }
}
