package io.ballot.dsl.ide.validation;

import com.google.inject.Inject;
import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.MessageWording;
import io.ballot.dsl.ide.lowering.LoweredModels;
import io.ballot.dsl.lower.Lowering;
import io.ballot.dsl.murphi.Model;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;

/**
 * The editors' validation: exactly what {@code ballot validate} reports. Syntax and name-resolution errors come from
 * Xtext (reworded as the command line words them); when the model parses, the semantic checks of
 * {@link Lowering} follow, with the same messages, positions and severities as the command line.
 */
public class FrontEndValidator extends ResourceValidatorImpl {
  @Inject private LoweredModels lowered;


  @Override
  public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator indicator) {
    List<Issue> issues = new ArrayList<>();
    boolean syntaxErrors = resource instanceof XtextResource x && x.getParseResult() != null
        && x.getParseResult().hasSyntaxErrors();
    for (Issue issue : super.validate(resource, mode, indicator)) {
      if (syntaxErrors && !issue.isSyntaxError()) {
        continue; // as the command line: names are resolved (and reported) only in a model that parses
      }
      if (issue instanceof Issue.IssueImpl impl && impl.getMessage() != null) {
        impl.setMessage(MessageWording.reword(impl.getMessage()));
      }
      issues.add(issue);
    }
    if (indicator != null && indicator.isCanceled()) {
      return issues;
    }
    if (resource instanceof XtextResource xtext
        && xtext.getParseResult() != null
        && !xtext.getParseResult().hasSyntaxErrors()
        && !resource.getContents().isEmpty()
        && resource.getContents().get(0) instanceof Model model) {
      String text = xtext.getParseResult().getRootNode().getText();
      LineStarts lines = new LineStarts(text);
      for (Diagnostic d : lowered.of(model).diagnostics()) {
        issues.add(toIssue(d, lines));
      }
    }
    return issues;
  }

  /** An Xtext issue at the diagnostic's position (1-based line and column, {@code length} characters). */
  static Issue toIssue(Diagnostic d, LineStarts lines) {
    Issue.IssueImpl issue = new Issue.IssueImpl();
    issue.setSeverity(switch (d.severity()) {
      case ERROR -> Severity.ERROR;
      case WARNING -> Severity.WARNING;
      default -> Severity.INFO;
    });
    issue.setMessage(d.message());
    int line = Math.max(1, d.line());
    int column = Math.max(1, d.column());
    int length = Math.max(1, d.length());
    issue.setLineNumber(line);
    issue.setColumn(column);
    issue.setLineNumberEnd(line);
    issue.setColumnEnd(column + length);
    issue.setOffset(lines.offset(line, column));
    issue.setLength(length);
    issue.setCode("ballot.validate");
    return issue;
  }
}
