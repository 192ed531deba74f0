package io.ballot.checker.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.interp.Interpreter;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Interpret first: a search of the compiled engine starts on the interpreter, starts the compiler once it has grown,
 * and switches to the compiled code when it is ready, with the same results as either engine alone; a model the
 * compiler refuses stays on the interpreter, with the compiler's warning.
 */
class InterpretFirstTest {
  private static final CheckOptions ONE = new CheckOptions(1, 0, CheckOptions.DeadlockMode.STUTTERING, 0, 10, 0);

  /** A counter 0..n that steps up by one, with an invariant that fails at {@code bad} (none if bad > n). */
  private static Model counter(int n, int bad) {
    Ir ir = new Ir();
    Expr.VarRef x = ir.var("x", Ir.range(0, n));
    ir.start(ir.assign(ir.ref(x), ir.num(0)));
    ir.rule("up", ir.lt(ir.ref(x), ir.num(n)), ir.assign(ir.ref(x), ir.add(ir.ref(x), ir.num(1))));
    ir.invariant("below", ir.not(ir.eq(ir.ref(x), ir.num(bad))));
    return ir.model();
  }

  /** Two counters 0..n: (n + 1)^2 states in wide levels. */
  private static Model grid(int n) {
    Ir ir = new Ir();
    Expr.VarRef x = ir.var("x", Ir.range(0, n));
    Expr.VarRef y = ir.var("y", Ir.range(0, n));
    ir.start(ir.assign(ir.ref(x), ir.num(0)), ir.assign(ir.ref(y), ir.num(0)));
    ir.rule("x", ir.lt(ir.ref(x), ir.num(n)), ir.assign(ir.ref(x), ir.add(ir.ref(x), ir.num(1))));
    ir.rule("y", ir.lt(ir.ref(y), ir.num(n)), ir.assign(ir.ref(y), ir.add(ir.ref(y), ir.num(1))));
    ir.invariant("sum", ir.lt(ir.add(ir.ref(x), ir.ref(y)), ir.num(2L * n + 1)));
    return ir.model();
  }

  private static String summary(Result r) {
    return r.verdict() + " " + r.states() + " " + r.rulesFired() + " " + r.depth() + " " + r.violations() + " "
        + r.covers() + " " + r.rules() + " " + r.complete() + " " + r.stopReason();
  }

  private static Result interpreted(Model m, CheckOptions o) {
    return new BfsExplorer(new Interpreter(m), o, ProgressListener.NONE).run();
  }

  @Test
  void aSearchThatGrowsSwitchesToCompiledCodeWithTheSameResult() {
    Model m = counter(3000, 2500); // one state per level, each a batch: the switch comes a few levels after ready
    ModelCompiler.Outcome code = ModelCompiler.compile(m);
    assertTrue(code.compiled(), code.warning());
    InterpretFirst engines = InterpretFirst.of(m, 100, Long.MAX_VALUE / 2_000_000L, model -> code);
    Result r = new BfsExplorer(engines, ONE, ProgressListener.NONE).run();
    assertTrue(engines.switched(), "the compiled code was ready long before the search ended");
    assertTrue(engines.current() instanceof CompiledModel);
    assertEquals(summary(interpreted(m, ONE)), summary(r));
    assertEquals(2500, r.violations().get(0).trace().size() - 1, "the counterexample is the interpreter's");
  }

  @Test
  void twoWorkersSwitchingMidLevelGiveTheSameResult() {
    Model m = grid(120);
    CheckOptions two = ONE.withThreads(2).withSingleThreadUntil(0);
    ModelCompiler.Outcome code = ModelCompiler.compile(m);
    for (int at : new int[] {0, 1, 10, 100, 1000, 5000}) {
      InterpretFirst engines = InterpretFirst.switchingAt(m, code, at);
      Result r = new BfsExplorer(engines, two, ProgressListener.NONE).run();
      assertTrue(engines.switched(), "switch at " + at);
      assertEquals(summary(interpreted(m, two)), summary(r), "switch at " + at);
    }
  }

  @Test
  void theSwitchHappensAtTheStateAskedForAndNotBefore() {
    Model m = counter(50, 1000);
    ModelCompiler.Outcome code = ModelCompiler.compile(m);
    InterpretFirst late = InterpretFirst.switchingAt(m, code, 1 << 30); // past the last state's id: never
    new BfsExplorer(late, ONE, ProgressListener.NONE).run();
    assertFalse(late.switched());
    InterpretFirst at50 = InterpretFirst.switchingAt(m, code, 50); // ids have gaps: at the latest at the last state
    new BfsExplorer(at50, ONE, ProgressListener.NONE).run();
    assertTrue(at50.switched());
  }

  @Test
  void aModelTheCompilerRefusesStaysInterpretedWithTheCompilersWarning() {
    Model m = counter(2000, 5000);
    String why = "cannot compile this model (a test): using the slower interpreter";
    InterpretFirst engines = InterpretFirst.of(m, 10, Long.MAX_VALUE / 2_000_000L,
        model -> new ModelCompiler.Outcome(new Interpreter(model), false, why, 0, 0));
    Result r = new BfsExplorer(engines, ONE, ProgressListener.NONE).run();
    assertFalse(engines.switched());
    assertEquals(why, engines.warning());
    assertEquals(summary(interpreted(m, ONE)), summary(r));
  }

  @Test
  void aSmallSearchNeverStartsTheCompiler() {
    Model m = counter(5, 1000);
    List<String> warnings = new ArrayList<>();
    InterpretFirst engines = InterpretFirst.of(m, 1000, Long.MAX_VALUE / 2_000_000L, model -> {
      throw new AssertionError("the compiler ran for a 6-state search");
    });
    Result r = new BfsExplorer(engines, ONE, ProgressListener.NONE).run();
    assertEquals(6, r.states());
    assertNull(engines.warning());
    assertFalse(engines.switched());
    Result viaChecker = Checker.check(m, ONE, ProgressListener.NONE, warnings::add);
    assertEquals(List.of(), warnings);
    assertEquals(summary(r), summary(viaChecker));
  }
}
