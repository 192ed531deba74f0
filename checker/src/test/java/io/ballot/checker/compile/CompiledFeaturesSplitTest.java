package io.ballot.checker.compile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The feature tests again with every statement of every block split off into a helper method (the path large rule
 * bodies take), so that splitting is known to keep the semantics: returns, locals, aliases and loop variables
 * crossing into helpers.
 */
class CompiledFeaturesSplitTest extends CompiledFeaturesTest {
  private int saved;

  @BeforeEach
  void splitEverything() {
    saved = Generator.blockLimit;
    Generator.blockLimit = 0;
  }

  @AfterEach
  void restore() {
    Generator.blockLimit = saved;
  }
}
