package io.ballot.cli;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Property;

/**
 * {@code --compact-states on} asked of a model it cannot apply to: the liveness check walks the graph of all states,
 * which needs every state's record by id, so such a model keeps the records; the run says so rather than ignore the
 * option silently.
 */
final class CompactStatesNotice {
  private CompactStatesNotice() {}

  /** The warning for checking {@code model} with {@code options}, or null when there is none. */
  static String of(Model model, CheckOptions options) {
    if (options.wideStore() != CheckOptions.WideStore.TREE || options.hashCompactionBits() > 0) {
      return null;
    }
    Property p = model.firstLiveness();
    if (p == null) {
      return null;
    }
    String where = p.location() == null ? "" : p.location() + ": ";
    return where + "--compact-states on does not apply with liveness property \"" + p.name() + "\": its check"
        + " walks the graph of all states, so every state keeps its record (as with --compact-states off)";
  }
}
