package io.ballot.dsl.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
    for (Result r : List.of(interpreted, compiled)) {
      assertEquals(Verdict.HOLDS, r.verdict(), () -> name + ": " + r.violations());
    }
    assertEquals(interpreted.states(), compiled.states());
  }
}
