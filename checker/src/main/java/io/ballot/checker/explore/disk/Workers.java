package io.ballot.checker.explore.disk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The disk search's worker threads: runs {@code n} tasks of one phase (expanding slices, offering to partitions,
 * looking partitions up on disk) at once and waits for all, or runs them in turn on the caller with one thread. A
 * task's exception is rethrown on the caller.
 */
final class Workers implements AutoCloseable {
  private final ExecutorService pool; // null: the caller's thread only

  Workers(int threads) {
    this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ballot-disk-worker");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  /** Runs {@code task.accept(i)} for i in 0 .. n - 1, in parallel unless {@code serial}; returns when all are done. */
  void run(int n, boolean serial, IntConsumer task) throws InterruptedException {
    if (pool == null || serial || n == 1) {
      for (int i = 0; i < n; i++) {
        task.accept(i);
      }
      return;
    }
    List<Callable<Void>> tasks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int k = i;
      tasks.add(() -> {
        task.accept(k);
        return null;
      });
    }
    try {
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
