package io.ballot.checker.explore.disk;

import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.symmetry.Canonicalizer;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Expands one level of the disk search: its file is read in order, a chunk at a time; each chunk is cut into one
 * slice per worker, the workers fire every rule of their slice's states (assumptions checked, successors
 * canonicalised) into their own buffers, and the buffers are handed to the search in slice order, so the successors
 * arrive in the order a one-thread search finds them, whatever the number of threads.
 */
final class Expansion {
  /** States a worker expands per chunk at most; fewer for wide states (see {@link #perThread}). */
  private static final int CHUNK = 4096;

  private final DiskExplorer x;
  private final int words;
  private final Slice[] slices;
  private final ExecutorService pool; // null: one thread
  private final long[] buf;
  /** States per worker per chunk. */
  private final int perThread;

  /**
   * An expansion whose chunk buffers and successors take about a sixteenth of {@code limit} bytes at most: states of
   * many kilobytes are expanded a few at a time, not {@value #CHUNK} (which would hold gigabytes).
   */
  Expansion(DiskExplorer x, int threads, long limit) {
    this.x = x;
    this.words = x.words();
    this.slices = new Slice[threads];
    for (int i = 0; i < threads; i++) {
      slices[i] = new Slice();
    }
    this.pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
    long perState = (long) threads * words * Long.BYTES * (1 + Math.max(1, x.ruleFiresLength()));
    this.perThread = (int) Math.max(1, Math.min(CHUNK, limit / 16 / perState));
    this.buf = new long[perThread * threads * words];
  }

  /** Expands every state of {@code level} that is not blocked, handing the successors to the search in order. */
  void level(Levels.Level level) {
    long n = level.count();
    int perChunk = perThread * slices.length;
    for (long i = 0; i < n && !x.stopped(); ) {
      int k = level.states.read(i, perChunk, buf);
      TransitionSystem t = x.engineFor(level.base + i);
      int per = (k + slices.length - 1) / slices.length;
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int s = 0; s < slices.length; s++) {
        Slice slice = slices[s];
        int from = Math.min(k, s * per);
        int to = Math.min(k, from + per);
        slice.prepare(t, level.base + i, from, to);
        tasks.add(slice);
      }
      run(tasks, k);
      for (Slice slice : slices) {
        for (int j = 0; j < slice.n && !x.stopped(); j++) {
          x.offer(slice.values, j * words, slice.parents[j], slice.rules[j]);
        }
      }
      i += k;
      x.between(n - i);
    }
    long fired = 0;
    synchronized (x.ruleFires()) {
      for (Slice slice : slices) {
        for (int r = 0; r < slice.fires.length; r++) {
          x.ruleFires()[r] += slice.fires[r];
          fired += slice.fires[r];
        }
        Arrays.fill(slice.fires, 0);
      }
    }
    x.rulesFired().add(fired);
  }

  private void run(List<Callable<Void>> tasks, int states) {
    try {
      if (pool == null || states < 64) {
        for (Callable<Void> c : tasks) {
          c.call();
        }
        return;
      }
      List<Future<Void>> futures = pool.invokeAll(tasks);
      for (Future<Void> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      x.halt(io.ballot.checker.explore.BfsExplorer.INTERRUPTED);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  void shutdown() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** One worker's part of a chunk, and its buffers (reused from chunk to chunk). */
  private final class Slice implements Callable<Void> {
    final long[] fires = new long[x.ruleFiresLength()];
    final Canonicalizer canon = x.symmetry() == null ? null : x.symmetry().canonicalizer();
    final long[] state = new long[words];
    final long[] next = new long[words];
    long[] values = new long[64 * words];
    int[] parents = new int[64];
    int[] rules = new int[64];
    int n;
    private TransitionSystem t;
    private long base;
    private int from;
    private int to;

    void prepare(TransitionSystem t, long base, int from, int to) {
      this.t = t;
      this.base = base;
      this.from = from;
      this.to = to;
      this.n = 0;
    }

    @Override
    public Void call() {
      DeadlockMode deadlockMode = x.deadlock();
      for (int k = from; k < to && !x.stopped(); k++) {
        long id = base + k;
        if (x.blocked(id)) {
          continue;
        }
        System.arraycopy(buf, k * words, state, 0, words);
        boolean deadlock = true;
        for (int r = 0; r < t.ruleCount() && !x.stopped(); r++) {
          try {
            if (!t.guard(r, state)) {
              continue;
            }
            System.arraycopy(state, 0, next, 0, words);
            if (!t.fire(r, state, next, x.countCovers)) {
              continue;
            }
          } catch (ModelError e) {
            x.violation(e.kind(), e.property(), e.location(),
                e.getMessage() + " (in rule " + t.rule(r).describe() + ")", (int) id, r, -1);
            continue;
          }
          fires[r]++;
          if (deadlockMode != DeadlockMode.STUTTERING || !Arrays.equals(state, next)) {
            deadlock = false;
          }
          if (!x.checks().admits(t, next, (int) id, r, x.sink())) {
            continue;
          }
          if (canon != null) {
            canon.canonicalize(next);
          }
          add((int) id, r);
        }
        if (deadlock && deadlockMode != DeadlockMode.OFF && !x.stopped()) {
          x.violation(ViolationKind.DEADLOCK, "deadlock", null, "deadlock: no rule can change this state", (int) id,
              -1, -1);
        }
      }
      return null;
    }

    private void add(int parent, int rule) {
      if (n == parents.length) {
        parents = Arrays.copyOf(parents, n * 2);
        rules = Arrays.copyOf(rules, n * 2);
        values = Arrays.copyOf(values, n * 2 * words);
      }
      System.arraycopy(next, 0, values, n * words, words);
      parents[n] = parent;
      rules[n] = rule;
      n++;
    }
  }
}
