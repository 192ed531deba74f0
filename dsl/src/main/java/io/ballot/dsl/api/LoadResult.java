package io.ballot.dsl.api;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import io.ballot.checker.ir.Model;
import java.util.List;

/**
 * What reading one model file gave: the file name as given, its text (empty when unreadable), the lowered IR model
 * (null when any error was found), every diagnostic, in source order, and the encoding the file was read in (UTF-8,
 * or ISO-8859-1 for a file that is not UTF-8), so that a command rewriting the file keeps it.
 */
public record LoadResult(String file, String source, Model model, List<Diagnostic> diagnostics, Charset charset) {

  /** A result for text read as UTF-8. */
  public LoadResult(String file, String source, Model model, List<Diagnostic> diagnostics) {
    this(file, source, model, diagnostics, StandardCharsets.UTF_8);
  }

  /** True when at least one diagnostic is an error; then {@link #model()} is null. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }
}
