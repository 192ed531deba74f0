package io.ballot.cli;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
import io.ballot.cli.gate.ModelRun;
import io.ballot.cli.report.ProgressLine;
import io.ballot.checker.checkpoint.CheckpointPlan;
import io.ballot.cluster.ModelSpec;
import io.ballot.cluster.SparkCheckpoint;
import io.ballot.cluster.SparkCluster;
import io.ballot.cluster.SparkExplorer;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.settings.ConstOverride;
import io.ballot.dsl.settings.ModelHeader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code ballot check --engine spark}: the model checked by the cluster module's breadth-first search on Apache Spark
 * (docs/cluster.md) instead of the local explorer, with the same result and reports. Spark is not in ballot's own jar:
 * it is there when ballot runs under {@code spark-submit} ({@link #sparkPresent()}).
 */
record SparkEngine(String master, int partitions, SparkCheckpoint checkpoint) {

  /** The engine on {@code master} over {@code partitions}, without checkpoints. */
  SparkEngine(String master, int partitions) {
    this(master, partitions, null);
  }

  /** This engine, checkpointing as {@code c} says. */
  SparkEngine withCheckpoint(SparkCheckpoint c) {
    return new SparkEngine(master, partitions, c);
  }

  /** The line under the start line when the run checkpoints: where to, or where it resumes from. */
  String checkpointLine(CheckpointPlan plan) {
    String every = plan.everySeconds() == 0 ? "at every level boundary"
        : "at the first level boundary every " + plan.everySeconds() + " s";
    String resumed = checkpoint == null ? null : checkpoint.describeResumed();
    return resumed == null
        ? "Checkpoints into " + plan.dir() + " (each level's states, and a manifest) " + every
            + ", and when the run is stopped."
        : "Resuming from the cluster checkpoint in " + plan.dir() + " (" + resumed + "); checkpoints go on " + every
            + ".";
  }

  /** What to do when Spark is not on the classpath (printed with exit 2). */
  static final String HOW_TO_RUN = "ballot: --engine spark needs Apache Spark 4.2 on the classpath, which ballot's own"
      + " jar does not carry: run ballot under spark-submit, e.g.\n"
      + "  spark-submit --class io.ballot.cli.Main --master local[2] --driver-java-options -Xss16m"
      + " cli/target/ballot.jar check --engine spark MODEL.m\n"
      + "(see docs/cluster.md for standalone, YARN and Kubernetes)";

  /** Whether Spark's classes can be loaded. */
  static boolean sparkPresent() {
    try {
      Class.forName("org.apache.spark.SparkContext", false, SparkEngine.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Why {@code model} cannot be checked on Spark yet, or null. */
  static String unsupported(Model model) {
    return SparkExplorer.unsupported(model);
  }

  /** Checks run {@code r}'s model (its source and constants go to the executors) with a progress line on {@code err}. */
  Result check(ModelRun r, String name, LoadResult load, CheckOptions options, PrintWriter err, boolean terminal,
      BooleanSupplier stop) {
    List<String> consts = new ArrayList<>();
    for (ConstOverride c : r.consts(ModelHeader.parse(name, load.source()))) {
      consts.add(c.name() + "=" + c.value());
    }
    ModelSpec spec = ModelSpec.of(name, load.source(), consts, options);
    ProgressLine line = new ProgressLine(err, terminal);
    ProgressListener listener = ModelCheck.listener(line, stop, err);
    try {
      return SparkCluster.check(master, partitions, spec, options, listener, checkpoint);
    } finally {
      line.finish();
    }
  }
}
