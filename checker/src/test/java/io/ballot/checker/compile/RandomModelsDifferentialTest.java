package io.ballot.checker.compile;

import io.ballot.checker.ir.Model;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The compiled code and the interpreter agree on random small models: the same transitions, successor states,
 * property values and run-time errors (kind, property, message and location), in the same order, and the same
 * explorer result. Models are built from a seed (see {@link RandomModels}), so a failure names a reproducible seed.
 */
class RandomModelsDifferentialTest {
  private static final AtomicLong STATES = new AtomicLong();
  private static final AtomicLong ERRORS = new AtomicLong();
  private static final AtomicLong MODELS = new AtomicLong();

  @Property(tries = 200)
  void compiledCodeBehavesAsTheInterpreter(@ForAll long seed) {
    Model model = RandomModels.generate(seed);
    Differential.Log log = Differential.assertSame(model, 500, CompileOptions.DEFAULTS);
    MODELS.incrementAndGet();
    STATES.addAndGet(log.states());
    ERRORS.addAndGet(log.errors());
  }

  /** The same with every statement split off into a helper method (as large rule bodies are). */
  @Property(tries = 50)
  void splitCodeBehavesAsTheInterpreter(@ForAll long seed) {
    Differential.assertSame(RandomModels.generate(seed), 500, CompileOptions.DEFAULTS.withBlockLimit(0));
  }

  @AfterContainer
  static void report() {
    System.out.printf("random differential: %d models, %d states, %d run-time errors compared%n",
        MODELS.get(), STATES.get(), ERRORS.get());
  }
}
