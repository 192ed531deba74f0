package io.ballot.checker.simulate;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.Tallies;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Random walks over a model's transition system on several threads, in rounds of {@link #ROUND} walks. Walk number
 * i depends only on the seed and i ({@link Swarm}), and a round is always finished (but for a time limit or
 * Ctrl-C) before the run looks at its violations; so the walks run, the violation reported, its shortened walk and
 * every count but the times are the same for a given seed and walk count whatever the number of threads. The
 * first round with a violation is the last; of its violating walks the shortest (the first of equal ones) is
 * shortened ({@link WalkShrinker}) and reported as a counterexample, re-executed from the start state.
 */
public final class Simulator {
  /** Walks per round: a violation stops the run at the end of its round. */
  static final int ROUND = 64;
  private static final long PROGRESS_MILLIS = 500;

  private final TransitionSystem ts;
  private final SimulationOptions options;
  private final ProgressListener progress;
  private final int threads;
  private final List<WalkRecord> violating = new ArrayList<>();
  private volatile boolean stop;
  private String stopReason;
  private long startNanos;

  public Simulator(TransitionSystem ts, SimulationOptions options, ProgressListener progress) {
    this.ts = ts;
    this.options = options;
    this.progress = progress;
    this.threads = Math.max(1, Math.min(CheckOptions.MAX_THREADS, options.check().threads()));
  }

  public SimulationResult run() {
    startNanos = System.nanoTime();
    List<Integer> starts = new ArrayList<>();
    Violation atStart = startStates(starts);
    List<Walker> walkers = new ArrayList<>();
    if (atStart == null && starts.isEmpty()) {
      stopReason = "no start state passes the model's assumptions: nothing to walk";
    } else if (atStart == null) {
      int[] from = starts.stream().mapToInt(Integer::intValue).toArray();
      for (int t = 0; t < threads; t++) {
        walkers.add(new Walker(ts, options, from));
      }
      walk(walkers);
    }
    return result(walkers, atStart);
  }

  /** Runs the start states, listing those a walk may begin in; the first that errs is a violation (no trace). */
  private Violation startStates(List<Integer> starts) {
    StateVisitor check = new StateVisitor(ts, options.check().deadlock(), false);
    long[] s = new long[ts.layout().words()];
    for (int i = 0; i < ts.startCount(); i++) {
      java.util.Arrays.fill(s, 0);
      String in = " (in " + ts.start(i).describe() + ")";
      try {
        if (!ts.runStart(i, s, Effects.NONE)) {
          continue;
        }
        in = " (in an assumption)";
        if (check.assumed(s)) {
          starts.add(i);
        }
      } catch (ModelError e) {
        Found f = StateVisitor.found(e, in);
        return new Violation(f.kind(), f.property(), f.where(), f.message(), List.of());
      }
    }
    return null;
  }

  /** Runs the walks round by round until a round finds a violation, all have run, or the run is stopped. */
  private void walk(List<Walker> walkers) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (long first = 0; first < options.walks() && !stop && violating.isEmpty(); first += ROUND) {
        long end = Math.min(options.walks(), first + ROUND);
        AtomicLong cursor = new AtomicLong(first);
        List<Future<?>> futures = new ArrayList<>();
        for (Walker w : walkers) {
          futures.add(pool.submit(() -> {
            for (long i = cursor.getAndIncrement(); i < end && !stop; i = cursor.getAndIncrement()) {
              w.walk(i, () -> stop, this::violation);
            }
          }));
        }
        for (Future<?> f : futures) {
          await(f, walkers);
        }
        checkLimits(walkers);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private synchronized void violation(WalkRecord w) {
    violating.add(w);
  }

  /** Waits for a round's task, reporting progress and watching the limits every half second meanwhile. */
  private void await(Future<?> f, List<Walker> walkers) {
    while (true) {
      try {
        f.get(PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException e) {
        checkLimits(walkers);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        halt("interrupted");
        return;
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error error) {
          throw error; // OutOfMemoryError, StackOverflowError: the caller reports a resource limit
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /** Reports progress (states visited, rules fired, the deepest walk, walks left) and stops at a limit. */
  private void checkLimits(List<Walker> walkers) {
    long visits = 0;
    long fired = 0;
    long walks = 0;
    int deepest = 0;
    for (Walker w : walkers) { // racy reads of another thread's counters: a progress figure only
      visits += w.visits;
      fired += w.rulesFired;
      walks += w.walks;
      deepest = Math.max(deepest, w.deepest);
    }
    progress.progress(visits, fired, deepest, options.walks() - walks, seconds(), 0);
    if (progress.stopRequested()) {
      halt("interrupted");
    }
    double limit = options.check().timeLimitSeconds();
    if (limit > 0 && seconds() > limit) {
      halt("time limit reached (" + limit + " s)");
    }
  }

  private synchronized void halt(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
    stop = true;
  }

  private double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  // ------------------------------------------------------------------------------------------ the result

  private SimulationResult result(List<Walker> walkers, Violation atStart) {
    HyperLogLog distinct = new HyperLogLog();
    long[] fires = new long[ts.ruleCount()];
    long[] coverHits = new long[ts.coverStatementCount() + ts.propertyCount()];
    long visits = 0;
    long walks = 0;
    long deadEnds = 0;
    long rulesFired = 0;
    int deepest = 0;
    for (Walker w : walkers) {
      distinct.merge(w.distinct);
      add(fires, w.visitor.fires);
      add(coverHits, w.visitor.coverHits);
      visits += w.visits;
      walks += w.walks;
      deadEnds += w.deadEnds;
      rulesFired += w.rulesFired;
      deepest = Math.max(deepest, w.deepest);
    }
    List<Violation> violations = new ArrayList<>();
    WalkRecord found = shortest();
    int candidates = 0;
    if (atStart != null) {
      violations.add(atStart);
    } else if (found != null) {
      WalkReplay replay = new WalkReplay(ts, options.check().deadlock());
      WalkShrinker shrinker = new WalkShrinker(replay);
      WalkRecord shortened = shrinker.shrink(found);
      candidates = shrinker.candidates;
      Found f = shortened.found();
      violations.add(new Violation(f.kind(), f.property(), f.where(), f.message(),
          replay.trace(shortened.start(), shortened.steps())));
    }
    Verdict verdict = violations.isEmpty() ? Verdict.INCOMPLETE : Verdict.VIOLATED;
    String reason = !violations.isEmpty() ? null
        : stopReason != null ? stopReason + " after " + walks + " of " + options.walks() + " walks"
        : String.format(Locale.ROOT, "no violation found in %d walks of depth %d (not a proof)", walks,
            options.depth());
    int depth = violations.isEmpty() || violations.get(0).trace().isEmpty() ? deepest
        : violations.get(0).trace().size() - 1;
    Result r = new Result(verdict, distinct.estimate(), rulesFired, depth, seconds(), violations,
        Tallies.covers(ts, site -> coverHits[site]), reason, Tallies.ruleCounts(ts, fires), false);
    return new SimulationResult(r, walks, options.walks(), options.depth(), options.seed(), threads, visits,
        distinct.estimate(), HyperLogLog.RELATIVE_ERROR, deadEnds, deepest,
        found == null ? -1 : found.steps().length, candidates);
  }

  private WalkRecord shortest() {
    WalkRecord best = null;
    for (WalkRecord w : violating) {
      if (w.betterThan(best)) {
        best = w;
      }
    }
    return best;
  }

  private static void add(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }
}
