package io.ballot.cli;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Property;

/**
 * Hash compaction keeps no graph of the states, which the liveness check walks: a model with a liveness property is
 * refused under {@code --hash-compaction} before any search, with the property's place.
 */
final class HashCompactionRefusal {
  private HashCompactionRefusal() {}

  /** Why {@code model} cannot be checked with {@code options}, or null when it can. */
  static String of(Model model, CheckOptions options) {
    if (options.hashCompactionBits() == 0) {
      return null;
    }
    Property p = model.firstLiveness();
    if (p == null) {
      return null;
    }
    String where = p.location() == null ? "" : p.location() + ": ";
    return where + "--hash-compaction cannot check liveness property \"" + p.name() + "\": its check walks the"
        + " graph of all states, which hash compaction does not keep; check this model without --hash-compaction";
  }
}
