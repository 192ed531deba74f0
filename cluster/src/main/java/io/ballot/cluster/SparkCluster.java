package io.ballot.cluster;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.result.Result;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Spark settings of a cluster run, and a whole run: a Spark context started, the search, the context stopped. */
public final class SparkCluster {
  private SparkCluster() {}

  /**
   * Sets what the search needs on {@code conf} unless already set: Kryo serialisation with the states registered in
   * their packed form ({@link StateKryo}; states are most of what is shuffled and cached).
   */
  public static SparkConf configure(SparkConf conf) {
    conf.setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    conf.setIfMissing("spark.kryo.registrator", StateKryo.class.getName());
    return conf;
  }

  /**
   * Checks the model {@code spec} describes on a Spark context of its own: on {@code master} when given, else the
   * one {@code spark-submit} set ({@code spark.master}), else {@code local[*]}; over {@code partitions} partitions
   * (≤ 0: twice the default parallelism). The context is stopped before this returns.
   */
  public static Result check(String master, int partitions, ModelSpec spec, CheckOptions options,
      ProgressListener progress) {
    SparkConf conf = configure(new SparkConf().setAppName("ballot check " + spec.fileName()));
    if (master != null) {
      conf.setMaster(master);
    } else {
      conf.setIfMissing("spark.master", "local[*]");
    }
    JavaSparkContext sc = new JavaSparkContext(conf);
    try {
      sc.setLogLevel("WARN");
      return new SparkExplorer(sc, spec, options, partitions, progress).run();
    } finally {
      sc.stop();
    }
  }
}
