package io.ballot.cluster;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.result.Result;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Spark settings of a cluster run, and a whole run: a Spark context started, the search, the context stopped. */
public final class SparkCluster {
  private SparkCluster() {}

  /**
   * Sets what the search needs on {@code conf} unless already set: Kryo serialisation with the states registered in
   * their packed form ({@link StateKryo}; states are most of what is shuffled and cached), a 16 MiB stack on the
   * executors (deep models are compiled there), and, on a cluster, ballot's own jar shipped to the executors
   * ({@code spark.jars}) when ballot runs from a jar that {@code spark-submit} did not already ship.
   */
  public static SparkConf configure(SparkConf conf) {
    conf.setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    conf.setIfMissing("spark.kryo.registrator", StateKryo.class.getName());
    conf.setIfMissing("spark.executor.extraJavaOptions", "-Xss16m");
    String master = conf.get("spark.master", "local[*]");
    String jar = ownJar();
    if (!master.startsWith("local") && jar != null && conf.get("spark.jars", "").isEmpty()) {
      conf.set("spark.jars", jar);
    }
    return conf;
  }

  /**
   * The jar this class was loaded from (ballot.jar, under {@code spark-submit} or {@code java -cp}), which the
   * executors must load too; null when the classes come from a directory (tests, an IDE).
   */
  static String ownJar() {
    CodeSource source = SparkCluster.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return null;
    }
    try {
      Path p = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p.toAbsolutePath().toString() : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The Spark setting ({@code --conf} of spark-submit, or a {@code -D} system property) for the most new states a
   * level may have and still run as one task without a shuffle; 0 makes every level partitioned (the cost model of
   * docs/cluster.md is measured so, as a large run's levels are).
   */
  public static final String NARROW_LIMIT = "spark.ballot.narrowLimit";

  /**
   * Checks the model {@code spec} describes on a Spark context of its own: on {@code master} when given, else the
   * one {@code spark-submit} set ({@code spark.master}), else {@code local[*]}; over {@code partitions} partitions
   * (≤ 0: twice the default parallelism), checkpointing as {@code checkpoint} says (null: not). The context is
   * stopped before this returns.
   */
  public static Result check(String master, int partitions, ModelSpec spec, CheckOptions options,
      ProgressListener progress, SparkCheckpoint checkpoint) {
    SparkConf conf = new SparkConf().setAppName("ballot check " + spec.fileName());
    if (master != null) {
      conf.setMaster(master);
    } else {
      conf.setIfMissing("spark.master", "local[*]");
    }
    configure(conf);
    JavaSparkContext sc = new JavaSparkContext(conf);
    try {
      sc.setLogLevel("WARN");
      int narrow = conf.getInt(NARROW_LIMIT, SparkExplorer.DEFAULT_NARROW_LIMIT);
      return new SparkExplorer(sc, spec, options, partitions, progress).narrowLimit(narrow).checkpoint(checkpoint)
          .run();
    } finally {
      sc.stop();
    }
  }
}
