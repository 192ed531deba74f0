package io.ballot.dsl.lower;

import io.ballot.checker.ir.SourceLocation;
import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.Severity;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/** Collects the semantic diagnostics of one lowering, positioned on syntax-tree nodes. */
public final class Problems {
  private final Locations locations;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public Problems(Locations locations) {
    this.locations = locations;
  }

  public void error(EObject at, String message) {
    add(Severity.ERROR, locations.of(at), message);
  }

  public void error(EObject at, EStructuralFeature feature, String message) {
    add(Severity.ERROR, locations.of(at, feature), message);
  }

  public void warning(EObject at, String message) {
    add(Severity.WARNING, locations.of(at), message);
  }

  /** An error at a position already known (of an IR node). */
  public void error(SourceLocation at, String message) {
    add(Severity.ERROR, at, message);
  }

  /** A warning at a position already known (of an IR node). */
  public void warning(SourceLocation at, String message) {
    add(Severity.WARNING, at, message);
  }

  private void add(Severity severity, SourceLocation where, String message) {
    int length = where.endLine() == where.line() ? Math.max(1, where.endColumn() - where.column()) : 1;
    diagnostics.add(new Diagnostic(severity, where.file(), where.line(), where.column(), length, message));
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }
}
