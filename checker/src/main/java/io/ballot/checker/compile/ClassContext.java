package io.ballot.checker.compile;

import io.ballot.checker.ir.Function;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Stmt;
import io.ballot.checker.state.StateLayout;
import java.util.Map;
import java.util.Set;

/** What every method of one generated class shares: facts about the model, the run-time tables, the options. */
final class ClassContext {
  final Model model;
  final StateLayout layout;
  /**
   * Integers are unsigned 64-bit (Rumur's uint64_t): arithmetic, comparisons and range checks go through the
   * unsigned helpers of {@link CompiledModel}, and nothing is folded or range-inferred at generation time. Ordinary
   * (signed) models get exactly the code they always had.
   */
  final boolean unsigned;
  /** Locals that are assigned somewhere (they need storage; the others are plain Java values). */
  final Set<Local> mutated;
  final Map<Function, Integer> functionIds;
  final Map<Stmt.PropertyStmt, Integer> coverSites;
  final ErrorSites sites;
  final CompileOptions options;
  /** Helper methods split off so far (their names are {@code x0}, {@code x1}, ...). */
  int helperCount;

  ClassContext(Model model, StateLayout layout, Set<Local> mutated, Map<Function, Integer> functionIds,
      Map<Stmt.PropertyStmt, Integer> coverSites, CompileOptions options) {
    this.model = model;
    this.layout = layout;
    this.unsigned = model.unsignedValues();
    this.mutated = mutated;
    this.functionIds = functionIds;
    this.coverSites = coverSites;
    this.sites = new ErrorSites(unsigned);
    this.options = options;
  }
}
