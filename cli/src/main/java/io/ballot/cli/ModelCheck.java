package io.ballot.cli;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
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
    ProgressLine progress = new ProgressLine(err, errIsTerminal);
    ProgressListener listener = new ProgressListener() {
      @Override
      public void progress(long states, long rulesFired, int depth, long queued, double seconds, long bytes) {
        progress.progress(states, rulesFired, depth, queued, seconds, bytes);
      }

      @Override
      public boolean stopRequested() {
        return stop.getAsBoolean();
      }
    };
    try {
      return Checker.check(model, options, listener, w -> warn(err, w));
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

  static void warn(PrintWriter err, String message) {
    err.println("ballot: warning: " + message);
    err.flush();
  }
}
