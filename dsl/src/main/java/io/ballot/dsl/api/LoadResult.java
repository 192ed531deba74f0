package io.ballot.dsl.api;

import io.ballot.checker.ir.Model;
import java.util.List;

/**
 * What reading one model file gave: the file name as given, its text (empty when unreadable), the lowered IR model
 * (null when any error was found) and every diagnostic, in source order.
 */
public record LoadResult(String file, String source, Model model, List<Diagnostic> diagnostics) {

  /** True when at least one diagnostic is an error; then {@link #model()} is null. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }
}
