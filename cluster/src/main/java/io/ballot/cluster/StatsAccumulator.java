package io.ballot.cluster;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * The statistics of one stage of one level, by partition: a partition's entry is replaced, never added to, so a task
 * that Spark runs again (a failure, a lost executor, speculation) is counted once, and the totals are exact whatever
 * the retries (Spark only promises that for accumulators updated in actions, which a shuffle's map side is not).
 */
public final class StatsAccumulator extends AccumulatorV2<PartStats, Map<Integer, PartStats>> {
  private static final long serialVersionUID = 1L;

  private final TreeMap<Integer, PartStats> parts = new TreeMap<>();

  @Override
  public boolean isZero() {
    return parts.isEmpty();
  }

  @Override
  public AccumulatorV2<PartStats, Map<Integer, PartStats>> copy() {
    StatsAccumulator c = new StatsAccumulator();
    synchronized (parts) {
      c.parts.putAll(parts);
    }
    return c;
  }

  @Override
  public void reset() {
    synchronized (parts) {
      parts.clear();
    }
  }

  @Override
  public void add(PartStats v) {
    v.trim();
    synchronized (parts) {
      parts.put(v.partition, v);
    }
  }

  @Override
  public void merge(AccumulatorV2<PartStats, Map<Integer, PartStats>> other) {
    Map<Integer, PartStats> o = other.value();
    synchronized (parts) {
      parts.putAll(o);
    }
  }

  @Override
  public Map<Integer, PartStats> value() {
    synchronized (parts) {
      return new TreeMap<>(parts);
    }
  }
}
