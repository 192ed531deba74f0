package io.ballot.checker.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Runs the parts of a job between levels on the search's pool (idle then) and the calling thread, and waits. */
final class ParallelParts {
  private final ExecutorService pool;
  private final int threads;
  private final int splitFrom;

  /** Splits jobs of at least {@code splitFrom} items among {@code threads}: the pool's and the calling thread. */
  ParallelParts(ExecutorService pool, int threads, int splitFrom) {
    this.pool = pool;
    this.threads = threads;
    this.splitFrom = splitFrom;
  }

  /** How many parts a job of {@code size} items is worth splitting into. */
  int parts(int size) {
    return size < splitFrom ? 1 : threads;
  }

  /** Runs {@code part} for 0 .. {@code parts - 1}, part 0 on this thread; rethrows the first failure. */
  void run(int parts, IntConsumer part) {
    List<Future<?>> others = new ArrayList<>();
    for (int p = 1; p < parts; p++) {
      int index = p;
      others.add(pool.submit(() -> part.accept(index)));
    }
    part.accept(0);
    for (Future<?> f : others) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted between levels", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        if (e.getCause() instanceof MemoryLimitReached limit) {
          throw limit; // the caller stops the search cleanly, as when its own part reached the limit
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /** The first item of part {@code p} of {@code parts} over {@code size} items (part {@code parts} is the end). */
  static int sliceStart(int size, int parts, int p) {
    return (int) ((long) size * p / parts);
  }
}
