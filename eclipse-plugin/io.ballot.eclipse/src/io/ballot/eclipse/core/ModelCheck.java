package io.ballot.eclipse.core;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Violation;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.ide.check.Traces;
import io.ballot.dsl.settings.ConstOverrides;
import io.ballot.dsl.settings.ModelHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;

/** Check model without UI: lower the text, run the checker, turn violations into marker specs. */
public final class ModelCheck {
  private ModelCheck() {}

  /** What a check gave: the result, or why the model was not checked. */
  public record Outcome(Result result, String rejected) {}

  /**
   * Checks {@code text} with {@code options}, over which the model's own {@code -- ballot:} header wins (and its
   * constant overrides apply), as in {@code ballot check}; {@code progress} may throw to cancel. Warnings go to
   * {@code warnings}.
   */
  public static Outcome run(FrontEnd frontEnd, String fileName, String text, CheckOptions options,
      ProgressListener progress, Consumer<String> warnings) {
    ModelHeader header = ModelHeader.parse(fileName, text);
    if (header.hasErrors()) {
      return new Outcome(null, header.errors().get(0).headline());
    }
    ConstOverrides consts = new ConstOverrides(header.consts());
    LoadResult load = frontEnd.load(fileName, text, consts);
    if (load.hasErrors()) {
      String first = load.diagnostics().stream().filter(d -> d.severity() == io.ballot.dsl.api.Severity.ERROR)
          .map(io.ballot.dsl.api.Diagnostic::headline).findFirst().orElse("the model has errors");
      return new Outcome(null, first);
    }
    if (!consts.problems().isEmpty()) {
      return new Outcome(null, consts.problems().get(0).toString());
    }
    return new Outcome(Checker.check(load.model(), header.applyTo(options), progress, warnings), null);
  }

  /** Each violation as an error marker at the violated property. */
  public static List<ModelMarkers.Spec> markers(Result result, IDocument document) {
    List<ModelMarkers.Spec> specs = new ArrayList<>();
    for (Violation v : result.violations()) {
      SourceLocation loc = v.location();
      int line = loc == null || loc.line() <= 0 ? 1 : loc.line();
      int start = -1;
      int end = -1;
      if (loc != null && loc.line() > 0) {
        try {
          start = document.getLineOffset(loc.line() - 1) + loc.column() - 1;
          int endLine = loc.endLine() > 0 ? loc.endLine() : loc.line();
          end = loc.endColumn() > 0 ? document.getLineOffset(endLine - 1) + loc.endColumn() - 1 : start + 1;
        } catch (BadLocationException e) {
          start = -1;
        }
      }
      specs.add(new ModelMarkers.Spec(line, start, end, Traces.headline(v), IMarker.SEVERITY_ERROR));
    }
    return specs;
  }
}
