package io.ballot.eclipse.core;

import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.Severity;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;

/**
 * Problem markers on a model file: {@link #PROBLEM} for the validator's diagnostics (replaced on every reconcile)
 * and {@link #VIOLATION} for the checker's violations (replaced by every check).
 */
public final class ModelMarkers {
  public static final String PROBLEM = "io.ballot.eclipse.problem";
  public static final String VIOLATION = "io.ballot.eclipse.violation";

  private ModelMarkers() {}

  /** One marker: 1-based line, character range in the document, message, severity. */
  public record Spec(int line, int start, int end, String message, int severity) {}

  /** Replaces the file's markers of {@code type} with {@code specs}, in one workspace operation. */
  public static void replace(IFile file, String type, List<Spec> specs) throws CoreException {
    IWorkspaceRunnable update = monitor -> {
      file.deleteMarkers(type, false, IResource.DEPTH_ZERO);
      for (Spec s : specs) {
        IMarker m = file.createMarker(type);
        m.setAttribute(IMarker.MESSAGE, s.message());
        m.setAttribute(IMarker.SEVERITY, s.severity());
        m.setAttribute(IMarker.LINE_NUMBER, s.line());
        if (s.start() >= 0) {
          m.setAttribute(IMarker.CHAR_START, s.start());
          m.setAttribute(IMarker.CHAR_END, s.end());
        }
      }
    };
    file.getWorkspace().run(update, file, 0, null);
  }

  /** The validator's diagnostics as marker specs, with character ranges in {@code document}. */
  public static List<Spec> of(List<Diagnostic> diagnostics, IDocument document) {
    return diagnostics.stream().map(d -> {
      int start = -1;
      int end = -1;
      if (d.hasPosition()) {
        try {
          start = document.getLineOffset(d.line() - 1) + d.column() - 1;
          end = Math.min(document.getLength(), start + Math.max(1, d.length()));
        } catch (BadLocationException e) {
          start = -1;
        }
      }
      int severity = d.severity() == Severity.ERROR ? IMarker.SEVERITY_ERROR
          : d.severity() == Severity.WARNING ? IMarker.SEVERITY_WARNING : IMarker.SEVERITY_INFO;
      return new Spec(Math.max(1, d.line()), start, end, d.message(), severity);
    }).toList();
  }
}
