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

/**
 * Expands one level of the disk search: its file is read in order, a chunk at a time; each chunk is cut into one
 * slice per worker, the workers fire every rule of their slice's states (assumptions checked, successors
 * canonicalised and hashed) into their own buffers; then each partition ({@link Partition}) takes its successors
 * from the buffers in slice order, on the workers too, so each partition sees its successors in the order a
 * one-thread search finds them, whatever the number of threads. A partition whose table fills stops; the search
 * flushes every partition and the others go on from where they stopped.
 */
final class Expansion {
  /** States a worker expands per chunk at most; fewer for wide states (see {@link #perThread}). */
  private static final int CHUNK = 4096;

  private final DiskExplorer x;
  private final int words;
  private final Slice[] slices;
  private final Workers pool;
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
    this.pool = x.workers();
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
      offerAll(k);
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
      pool.run(tasks.size(), states < 64, i -> {
        try {
          tasks.get(i).call();
        } catch (RuntimeException | Error e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      x.halt(io.ballot.checker.explore.BfsExplorer.INTERRUPTED);
    }
  }

  /**
   * Hands the chunk's successors to the partitions, each partition on a worker; when a table fills, its partition
   * stops there, the others are cut back to that point ({@link #cutBack}), the search flushes all of them, and all go
   * on from there.
   */
  private void offerAll(int states) {
    Partition[] parts = x.partitions();
    for (Partition p : parts) {
      p.slice = 0;
      p.index = 0;
      p.done = false;
    }
    while (!x.stopped()) {
      try {
        pool.run(parts.length, states < 64, i -> offer(parts[i], i, parts.length));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        x.halt(io.ballot.checker.explore.BfsExplorer.INTERRUPTED);
        return;
      }
      boolean all = true;
      for (Partition p : parts) {
        all &= p.done;
      }
      if (all) {
        return;
      }
      cutBack(parts);
      x.flush();
    }
  }

  /**
   * The partitions whose tables filled stopped at different successors of the chunk, the others ran on: the flush
   * appends each partition's new states merged by (parent, rule), so a successor taken past the first stop would be
   * appended before successors found earlier in the one-thread order, which a search on one thread finds first (it
   * changes the states' positions, and then which parent the next level keeps). So every table gives back the
   * successors it took after the first stop (the chunk's successors come in increasing (parent, rule) order, the
   * tables keep them in the order taken), and every partition goes on after that stop.
   */
  private void cutBack(Partition[] parts) {
    int cs = Integer.MAX_VALUE;
    int ci = 0;
    for (Partition p : parts) {
      if (!p.done && (p.slice < cs || (p.slice == cs && p.index - 1 < ci))) {
        cs = p.slice;
        ci = p.index - 1; // the successor that filled its table
      }
    }
    long cut = ((long) slices[cs].parents[ci] << 32) | (slices[cs].rules[ci] & 0xFFFFFFFFL);
    for (Partition p : parts) {
      int n = p.table.size;
      while (n > 0 && p.key(n - 1) > cut) {
        n--;
      }
      p.table.truncate(n);
      p.slice = cs;
      p.index = ci + 1;
      p.done = false;
    }
  }

  /** Offers partition {@code part}'s successors from where it stopped, until done or its table is full. */
  private void offer(Partition p, int part, int parts) {
    if (p.done) {
      return;
    }
    for (int s = p.slice; s < slices.length; s++) {
      Slice slice = slices[s];
      for (int j = s == p.slice ? p.index : 0; j < slice.n; j++) {
        long h = slice.hashes[j];
        if (Partition.of(h, parts) == part
            && p.offer(h, slice.values, j * words, slice.parents[j], slice.rules[j])) {
          p.slice = s;
          p.index = j + 1;
          return;
        }
      }
    }
    p.done = true;
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
    long[] hashes = new long[64];
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
        hashes = Arrays.copyOf(hashes, n * 2);
        values = Arrays.copyOf(values, n * 2 * words);
      }
      System.arraycopy(next, 0, values, n * words, words);
      parents[n] = parent;
      rules[n] = rule;
      hashes[n] = StateKeys.hash(next, 0, words);
      n++;
    }
  }
}
