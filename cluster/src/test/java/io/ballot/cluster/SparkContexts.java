package io.ballot.cluster;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** The Spark context of a test class: local mode on two cores, tasks retried up to 4 times, no web UI. */
final class SparkContexts {
  private SparkContexts() {}

  static JavaSparkContext local(String app) {
    SparkConf conf = new SparkConf()
        .setMaster("local[2,4]") // 2 cores; a task is tried up to 4 times (local mode's default is once)
        .setAppName(app)
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.default.parallelism", "2")
        .set("spark.locality.wait", "0") // all data is local: a retried task need not wait for a better slot
        .set("spark.shuffle.sort.bypassMergeThreshold", "200");
    SparkCluster.configure(conf);
    return new JavaSparkContext(conf);
  }
}
