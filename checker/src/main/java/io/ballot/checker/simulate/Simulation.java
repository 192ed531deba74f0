package io.ballot.checker.simulate;

import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.compile.ModelCompiler;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.messages.MessageTraces;
import java.util.function.Consumer;

/**
 * The entry point of simulation, as {@link Checker} is of exhaustive checking: a validated model and options in, a
 * {@link SimulationResult} out, over the same transition system a check explores (compiled, rule priorities
 * applied); its counterexample's steps carry their messages in a model with networks, as a check's do. Liveness is
 * not checked (it needs the whole state graph), nor is symmetry reduced (a walk keeps no states). No state between
 * calls.
 */
public final class Simulation {
  private Simulation() {}

  /** Simulates {@code model}, passing any warning about how it runs to {@code warnings}. */
  public static SimulationResult run(
      Model model, SimulationOptions options, ProgressListener progress, Consumer<String> warnings) {
    ModelCompiler.Outcome ts = Checker.transitions(model, options.check().engine());
    if (ts.warning() != null) {
      warnings.accept(ts.warning());
    }
    SimulationResult s = new Simulator(ts.system(), options, progress).run();
    return s.withResult(MessageTraces.annotate(s.result(), model.networks()));
  }
}
