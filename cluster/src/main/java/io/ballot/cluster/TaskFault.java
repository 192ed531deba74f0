package io.ballot.cluster;

import java.io.Serializable;

/**
 * Called by every expansion task before it starts (with its partition and level): a way for tests to make tasks fail
 * as a lost executor would, and check that Spark's retries leave the result unchanged. {@link #NONE} in real runs.
 */
@FunctionalInterface
public interface TaskFault extends Serializable {
  /** Throws to fail the task. */
  void beforeExpansion(int level, int partition, int attempt);

  TaskFault NONE = (level, partition, attempt) -> {};
}
