package io.ballot.checker.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Exploration does not depend on the number of threads: on random small models, 1 and 2 threads, with compiled
 * code and with the interpreter, find the same number of states and rules fired, the same verdict, the same kind
 * of violation, the same (shortest) counterexample step for step, and the same firings of each rule.
 */
class ThreadCountPropertyTest {

  @Property(tries = 100)
  void countsVerdictsAndTraceLengthsDoNotDependOnThreadsOrEngine(@ForAll long seed) {
    Model model = RandomModels.generate(seed);
    String expected = null;
    for (CheckOptions.Engine engine : CheckOptions.Engine.values()) {
      // 2 threads twice: from the first level on (these models are small), and with the default first levels on one
      for (int run = 0; run < 3; run++) {
        int threads = run == 0 ? 1 : 2;
        CheckOptions options =
            new CheckOptions(threads, 0, CheckOptions.DeadlockMode.STUTTERING, 0, 1, 30).withEngine(engine);
        Result r = Checker.check(model, run == 1 ? options.withSingleThreadUntil(0) : options, ProgressListener.NONE);
        String summary = r.states() + " states, " + r.rulesFired() + " rules, " + r.verdict()
            + (r.violations().isEmpty() ? "" : ", " + r.violations().get(0).kind() + " after "
                + r.violations().get(0).trace().size() + " steps: " + r.violations().get(0).trace())
            + ", fires per rule " + r.rules().stream().map(c -> c.fires()).toList() + ", complete " + r.complete();
        assertEquals(r.rulesFired(), r.rules().stream().mapToLong(c -> c.fires()).sum(),
            "every firing is counted for its rule, seed " + seed);
        assertEquals(model.rules().size(), r.rules().size(), "one count per rule of the model, seed " + seed);
        if (expected == null) {
          expected = summary;
        } else {
          assertEquals(expected, summary, "seed " + seed + ", " + engine + ", " + threads + " threads, run " + run);
        }
      }
    }
  }
}
