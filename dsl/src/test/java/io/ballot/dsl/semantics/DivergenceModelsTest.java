package io.ballot.dsl.semantics;

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
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The meaning Ballot gives constructs on which Rumur and CMurphi differ (docs/language.md, "Where Rumur and CMurphi
 * differ"), and some on which they agree. Each model under {@code src/test/resources/divergence} states in its
 * invariants the values Ballot chose, and in its header what each reference tool printed; every property must hold,
 * on both engines.
 */
class DivergenceModelsTest {
  private static final FrontEnd FRONT_END = new FrontEnd();

  @ParameterizedTest
  @ValueSource(strings = {
    "loop-bounds-inverted-when-run.m",
    "value-parameter-is-a-copy.m",
    "long-while-loop.m",
    "agreed-semantics.m"
  })
  void everyPropertyHoldsOnBothEngines(String name) throws IOException {
    List<Result> results = bothEngines(name);
    for (Result r : results) {
      assertEquals(Verdict.HOLDS, r.verdict(), () -> name + ": " + r.violations());
    }
    assertEquals(results.get(0).states(), results.get(1).states());
  }

  /** Where Ballot reports an error that one of the references does not: the error, on both engines. */
  @ParameterizedTest
  @ValueSource(strings = {"undefined-scalarset-compared.m"})
  void theReadIsAnErrorOnBothEngines(String name) throws IOException {
    for (Result r : bothEngines(name)) {
      assertEquals(Verdict.VIOLATED, r.verdict(), () -> name + ": holds");
      String message = r.violations().get(0).message();
      assertTrue(message.startsWith("read of undefined value in owner"), message);
    }
  }

  /** The model's check on the interpreter, then on the compiled engine (which must compile it). */
  private static List<Result> bothEngines(String name) throws IOException {
    String text;
    try (InputStream in = DivergenceModelsTest.class.getResourceAsStream("/divergence/" + name)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    LoadResult load = FRONT_END.load(name, text);
    assertFalse(load.hasErrors(), () -> "rejected: " + load.diagnostics());
    CheckOptions options = new CheckOptions(1, 0, DeadlockMode.OFF, 0, 1, 0);
    Result interpreted =
        Checker.check(load.model(), options.withEngine(Engine.INTERPRETED), ProgressListener.NONE);
    List<String> warnings = new ArrayList<>();
    Result compiled =
        Checker.check(load.model(), options.withEngine(Engine.COMPILED), ProgressListener.NONE, warnings::add);
    assertEquals(List.of(), warnings, "the compiled engine should compile the model");
    return List.of(interpreted, compiled);
  }
}
