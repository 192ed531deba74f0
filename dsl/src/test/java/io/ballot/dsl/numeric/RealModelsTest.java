package io.ballot.dsl.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.CheckOptions.Engine;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.checker.result.ViolationKind;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * CMurphi's real types on checked models. The models are under {@code src/test/resources/real}; each states in its
 * header what CMurphi 5.4.9 found ({@code mu model.m}, then {@code ./model -nosym} and {@code -ndl} for deadlock
 * detection off), which is what these tests expect. Each model runs on both engines, which must agree.
 */
class RealModelsTest {
  private static final FrontEnd FRONT_END = new FrontEnd();

  private static Result check(String name, DeadlockMode deadlock) throws IOException {
    String text;
    try (InputStream in = RealModelsTest.class.getResourceAsStream("/real/" + name)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    LoadResult load = FRONT_END.load(name, text);
    assertFalse(load.hasErrors(), () -> "rejected: " + load.diagnostics());
    return BothEngines.check(load.model(), deadlock);
  }

  @Test
  void chainDeadlocksAsInCMurphi() throws IOException {
    Result r = check("chain.m", DeadlockMode.STUTTERING);
    assertEquals(Verdict.VIOLATED, r.verdict());
    assertEquals(ViolationKind.DEADLOCK, r.violations().get(0).kind());
    assertEquals(46, r.states());
    assertEquals(45, r.rulesFired());
    assertEquals("+2.488e+00", BothEngines.lastValue(r.violations().get(0), "x")); // CMurphi's trace: x:+2.488e+00
  }

  @Test
  void chainStateCountMatchesCMurphi() throws IOException {
    Result r = check("chain.m", DeadlockMode.OFF);
    assertEquals(Verdict.HOLDS, r.verdict());
    assertEquals(53, r.states());
    assertEquals(52, r.rulesFired());
  }

  @Test
  void functionsStateCountMatchesCMurphi() throws IOException {
    Result r = check("functions.m", DeadlockMode.OFF);
    assertEquals(Verdict.HOLDS, r.verdict());
    assertEquals(38005, r.states());
    assertEquals(111860, r.rulesFired());
  }

  @Test
  void mixedStateCountMatchesCMurphi() throws IOException {
    Result r = check("mixed.m", DeadlockMode.OFF);
    assertEquals(Verdict.HOLDS, r.verdict());
    assertEquals(552, r.states());
    assertEquals(1102, r.rulesFired());
  }

  @Test
  void exponentOverflowIsAnErrorWhereCMurphiFindsIt() throws IOException {
    Result r = check("overflow.m", DeadlockMode.OFF);
    assertEquals(Verdict.VIOLATED, r.verdict());
    Violation v = r.violations().get(0);
    assertTrue(v.message().contains("decimal exponent 11 is out of the bounds of real(2, 10)"), v.message());
    assertEquals(13, r.states());
    assertEquals(12, r.rulesFired());
    assertEquals("+2.0e+10", BothEngines.lastValue(v, "x"));
    assertEquals("+0.0e+00", BothEngines.lastValue(v, "tiny")); // below 1e-9: stored as 0
  }

  @Test
  void divisionByZeroIsAnError() {
    LoadResult load = FRONT_END.load("nan.m", """
        var x: real(3, 10); n: 0..1;
        startstate begin x := 0.0; n := 0 end;
        rule n = 0 ==> begin n := 1; x := x / x end;
        rule n = 1 ==> begin x := 1 / x end;
        """);
    assertFalse(load.hasErrors(), () -> load.diagnostics().toString());
    CheckOptions options = new CheckOptions(1, 0, DeadlockMode.OFF, 0, 1, 0);
    for (Engine engine : Engine.values()) {
      Result r = Checker.check(load.model(), options.withEngine(engine), ProgressListener.NONE);
      assertEquals(Verdict.VIOLATED, r.verdict());
      assertTrue(r.violations().get(0).message().contains("not a number"), r.violations().get(0).message());
      assertEquals(3, r.violations().get(0).location().line());
    }
  }
}
