package io.ballot.cli;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.StoreChoice;
import io.ballot.checker.checkpoint.CheckpointPlan;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import java.util.List;
import io.ballot.cli.report.ProgressLine;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;

/** Runs the checker on one model with a progress line on stderr and warnings as {@code ballot: warning: ...}. */
final class ModelCheck {
  private ModelCheck() {}

  /**
   * Checks {@code model}, stopping early (an incomplete result) once {@code stop} says so; a JVM error raised on a
   * worker thread is rethrown as is (the caller reports a limit).
   */
  static Result check(Model model, CheckOptions options, PrintWriter err, boolean errIsTerminal, BooleanSupplier stop) {
    return check(model, options, err, errIsTerminal, stop, null);
  }

  /** As above, writing checkpoints (and resuming) as {@code plan} says; null: none. */
  static Result check(Model model, CheckOptions options, PrintWriter err, boolean errIsTerminal, BooleanSupplier stop,
      CheckpointPlan plan) {
    return check(model, options, err, errIsTerminal, stop, plan, StoreChoice.AUTO);
  }

  /** As above, keeping the states where {@code store} says. */
  static Result check(Model model, CheckOptions options, PrintWriter err, boolean errIsTerminal, BooleanSupplier stop,
      CheckpointPlan plan, StoreChoice store) {
    ProgressLine progress = new ProgressLine(err, errIsTerminal);
    ProgressListener listener = listener(progress, stop, err);
    try {
      if (options.timeLimitSeconds() > 0) {
        return withinTimeLimit(model, options, listener, err, plan, store);
      }
      return Checker.check(model, options, listener, w -> warn(err, w), plan, store);
    } catch (RuntimeException e) {
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        if (t instanceof StackOverflowError || t instanceof OutOfMemoryError) {
          throw (VirtualMachineError) t;
        }
      }
      throw e;
    } finally {
      progress.finish();
    }
  }

  /** A listener that draws {@code line} and asks the run to stop once {@code stop} says so. */
  static ProgressListener listener(ProgressLine line, BooleanSupplier stop) {
    return listener(line, stop, null);
  }

  /** As above; a checkpoint that could not be written is a warning on {@code err} (null: not reported). */
  static ProgressListener listener(ProgressLine line, BooleanSupplier stop, PrintWriter err) {
    return new ProgressListener() {
      @Override
      public void checkpointWritten(int depth, long states, double seconds) {
        line.checkpointWritten(depth, states, seconds);
      }

      @Override
      public void checkpointFailed(String reason) {
        if (err != null) {
          line.finish();
          warn(err, reason);
        }
      }

      @Override
      public void progress(long states, long rulesFired, int depth, long queued, double seconds, long bytes) {
        line.progress(states, rulesFired, depth, queued, seconds, bytes);
      }

      @Override
      public void memoryLimit(long bytes, String source) {
        line.memoryLimit(bytes, source);
      }

      @Override
      public void shuffleBytes(long bytes) {
        line.shuffleBytes(bytes);
      }

      @Override
      public boolean stopRequested() {
        return stop.getAsBoolean();
      }
    };
  }

  /** Stack for the check's own thread: the search recurses over the model's nesting, as the compiler does. */
  private static final long STACK_BYTES = 512L << 20;

  /**
   * Checks on a thread of its own and gives up waiting a grace period after the time limit: the search stops at the
   * limit between states, but one state can take longer than any limit (an invariant quantified over a scalarset of
   * 65,536 values twice is 4 billion evaluations), and the time limit must still end the run. The abandoned thread is
   * a daemon; its result is never read.
   */
  private static Result withinTimeLimit(Model model, CheckOptions options, ProgressListener listener,
      PrintWriter err, CheckpointPlan plan, StoreChoice store) {
    Object[] outcome = new Object[1];
    Thread t = new Thread(null, () -> {
      Object o;
      try {
        o = Checker.check(model, options, listener, w -> warn(err, w), plan, store);
      } catch (RuntimeException | Error e) {
        o = e;
      }
      synchronized (outcome) {
        outcome[0] = o;
        outcome.notifyAll();
      }
    }, "ballot-check", STACK_BYTES);
    t.setDaemon(true);
    long start = System.nanoTime();
    t.start();
    double limit = options.timeLimitSeconds();
    long graceNanos = (long) ((limit + 5 + limit / 10) * 1e9);
    synchronized (outcome) {
      while (outcome[0] == null) {
        long left = graceNanos - (System.nanoTime() - start);
        if (left <= 0) {
          break;
        }
        try {
          outcome.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      if (outcome[0] instanceof Result r) {
        return r;
      }
      if (outcome[0] instanceof RuntimeException e) {
        throw e;
      }
      if (outcome[0] instanceof Error e) {
        throw e;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(Verdict.INCOMPLETE, 0, 0, 0, seconds, List.of(), List.of(), "time limit reached ("
        + limit + " s) while the model was still evaluating one state or rule, which the search cannot interrupt;"
        + " the counts are unknown");
  }

  static void warn(PrintWriter err, String message) {
    err.println("ballot: warning: " + message);
    err.flush();
  }
}
