package io.ballot.dsl.ide.format;

import io.ballot.dsl.api.Severity;
import io.ballot.dsl.format.ModelFormatter;
import com.google.inject.Inject;
import io.ballot.dsl.ide.lowering.LoweredModels;
import io.ballot.dsl.murphi.Model;
import java.util.List;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Document formatting is {@code ballot format}: the whole model re-printed by {@link ModelFormatter}, as one edit.
 * A model with errors is left alone (no edits), as the command line refuses to format it. The printer works on
 * whole models, so a range request formats the whole document too.
 */
public class MurphiFormattingService extends FormattingService {
  @Inject private LoweredModels lowered;

  @Override
  public List<? extends TextEdit> format(
      Document document, XtextResource resource, DocumentFormattingParams params, CancelIndicator cancelIndicator) {
    return formatWhole(document, resource, lowered);
  }

  @Override
  public List<? extends TextEdit> format(
      Document document, XtextResource resource, DocumentRangeFormattingParams params, CancelIndicator cancel) {
    return formatWhole(document, resource, lowered);
  }

  /** The formatted text of the resource's model; null when it has errors. */
  public static String formattedText(XtextResource resource) {
    return formattedText(resource, LoweredModels.UNCACHED);
  }

  /** {@link #formattedText(XtextResource)}, with the model's lowering (for its errors) from {@code lowered}. */
  public static String formattedText(XtextResource resource, LoweredModels lowered) {
    if (resource.getParseResult() == null
        || resource.getParseResult().hasSyntaxErrors()
        || resource.getContents().isEmpty()
        || !(resource.getContents().get(0) instanceof Model model)) {
      return null;
    }
    org.eclipse.emf.ecore.util.EcoreUtil.resolveAll(resource);
    if (!resource.getErrors().isEmpty()) {
      return null;
    }
    boolean errors = lowered.of(model).diagnostics().stream()
        .anyMatch(d -> d.severity() == Severity.ERROR);
    return errors ? null : new ModelFormatter().format(model);
  }

  private static List<TextEdit> formatWhole(Document document, XtextResource resource, LoweredModels lowered) {
    String formatted = formattedText(resource, lowered);
    String contents = document.getContents();
    if (formatted == null || formatted.equals(contents)) {
      return List.of();
    }
    Position end = document.getPosition(contents.length());
    return List.of(new TextEdit(new Range(new Position(0, 0), end), formatted));
  }
}
