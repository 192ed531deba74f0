package io.ballot.checker.compile;

/**
 * The feature tests again with every statement of every block split off into a helper method (the path large rule
 * bodies take), so that splitting is known to keep the semantics: returns, locals, aliases and loop variables
 * crossing into helpers.
 */
class CompiledFeaturesSplitTest extends CompiledFeaturesTest {
  @Override
  CompileOptions options() {
    return CompileOptions.DEFAULTS.withBlockLimit(0);
  }
}
