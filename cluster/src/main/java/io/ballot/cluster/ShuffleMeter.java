package io.ballot.cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;

/**
 * The shuffle bytes of each level, from Spark's listener events: the bytes the level's stages wrote to the shuffle
 * (the successors sent to their partitions; the seen set is never shuffled), summed over the stages of the jobs run
 * in the level's job group. Spark delivers events on its listener thread, after the action that caused them
 * returns, so {@link #bytes} waits (briefly) for the group's jobs to end.
 */
final class ShuffleMeter extends SparkListener {
  private static final String GROUP = "spark.jobGroup.id";

  private final Map<Integer, String> stageGroups = new HashMap<>();
  private final Map<Integer, String> jobGroups = new HashMap<>();
  private final Map<String, Long> bytes = new HashMap<>();
  private final Map<String, Integer> running = new HashMap<>();
  private final Set<String> started = new HashSet<>();

  private static String group(Properties p) {
    return p == null ? null : p.getProperty(GROUP);
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart e) {
    String g = group(e.properties());
    if (g != null) {
      jobGroups.put(e.jobId(), g);
      running.merge(g, 1, Integer::sum);
      started.add(g);
    }
  }

  @Override
  public synchronized void onJobEnd(SparkListenerJobEnd e) {
    String g = jobGroups.remove(e.jobId());
    if (g != null) {
      running.merge(g, -1, Integer::sum);
      notifyAll();
    }
  }

  @Override
  public synchronized void onStageSubmitted(SparkListenerStageSubmitted e) {
    String g = group(e.properties());
    if (g != null) {
      stageGroups.put(e.stageInfo().stageId(), g);
    }
  }

  @Override
  public synchronized void onStageCompleted(SparkListenerStageCompleted e) {
    String g = stageGroups.remove(e.stageInfo().stageId());
    if (g != null && e.stageInfo().taskMetrics() != null) {
      bytes.merge(g, e.stageInfo().taskMetrics().shuffleWriteMetrics().bytesWritten(), Long::sum);
    }
  }

  /**
   * The shuffle bytes written by job group {@code group}'s jobs, once Spark has told this listener they ended
   * (waiting at most {@code timeoutMillis}; after that, what it was told so far). Events that arrive after the group
   * was asked for are kept until the meter is dropped (one meter per run).
   */
  synchronized long bytes(String group, long timeoutMillis) {
    long until = System.currentTimeMillis() + timeoutMillis;
    try {
      while (!started.contains(group) || running.getOrDefault(group, 0) > 0) {
        long left = until - System.currentTimeMillis();
        if (left <= 0) {
          break;
        }
        wait(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    started.remove(group);
    running.remove(group);
    Long b = bytes.remove(group);
    return b == null ? 0 : b;
  }
}
