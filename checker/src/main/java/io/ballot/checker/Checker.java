package io.ballot.checker;

import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.interp.Interpreter;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
import io.ballot.checker.ts.TransitionSystem;

/**
 * The one entry point of the checker: a validated IR model and options in, a {@link Result} out. Holds no state
 * between calls; several checks may run in one JVM at once.
 */
public final class Checker {
  private Checker() {}

  public static Result check(Model model, CheckOptions options, ProgressListener progress) {
    TransitionSystem ts = new Interpreter(model);
    return new BfsExplorer(ts, options, progress).run();
  }
}
