package io.ballot.dsl.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.CheckOptions.Engine;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.Violation;
import java.util.ArrayList;
import java.util.List;

/** Checks a model with the interpreter and the compiled engine, which must agree in every count and violation. */
final class BothEngines {
  private BothEngines() {}

  /** The interpreter's result, after the compiled engine (which must compile the model) gave the same. */
  static Result check(Model model, DeadlockMode deadlock) {
    CheckOptions options = new CheckOptions(1, 0, deadlock, 0, 1, 0);
    Result a = Checker.check(model, options.withEngine(Engine.INTERPRETED), ProgressListener.NONE);
    List<String> warnings = new ArrayList<>();
    Result b = Checker.check(model, options.withEngine(Engine.COMPILED).withCompileAfter(0), ProgressListener.NONE,
        warnings::add);
    assertEquals(List.of(), warnings, "the compiled engine should compile the model");
    assertEquals(a.verdict(), b.verdict());
    assertEquals(a.states(), b.states());
    assertEquals(a.rulesFired(), b.rulesFired());
    assertEquals(a.violations(), b.violations());
    return a;
  }

  /** The value of {@code variable} in the last state of {@code v}'s trace, as printed. */
  static String lastValue(Violation v, String variable) {
    TraceStep last = v.trace().get(v.trace().size() - 1);
    return last.state().stream().filter(x -> x.name().equals(variable)).findFirst().orElseThrow().value();
  }
}
