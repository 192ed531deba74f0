package io.ballot.dsl.ide.format;

import io.ballot.dsl.api.Severity;
import io.ballot.dsl.format.CommentScanner;
import io.ballot.dsl.format.ModelFormatter;
import com.google.inject.Inject;
import io.ballot.dsl.ide.lowering.LoweredModels;
import io.ballot.dsl.murphi.Model;
import java.util.List;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Document formatting is {@code ballot format}: the whole model re-printed by {@link ModelFormatter}, as one edit,
 * comments and blank lines kept. A model with errors is left alone (no edits), as the command line refuses to
 * format it; so is a model whose formatted text would not have the same comments (the command line's safety net).
 * The printer works on whole models, so a range request formats the whole document too.
 *
 * <p>The wrap width is the formatting option {@value #WIDTH_OPTION} (a number; the VS Code extension sends its
 * {@code ballot.format.width} setting there), {@value ModelFormatter#DEFAULT_WIDTH} when absent or below
 * {@value ModelFormatter#MIN_WIDTH}.
 */
public class MurphiFormattingService extends FormattingService {

  /** The formatting option that sets the wrap width. */
  public static final String WIDTH_OPTION = "ballot.format.width";

  @Inject private LoweredModels lowered;

  @Override
  public List<? extends TextEdit> format(
      Document document, XtextResource resource, DocumentFormattingParams params, CancelIndicator cancelIndicator) {
    return formatWhole(document, resource, lowered, width(params.getOptions()));
  }

  @Override
  public List<? extends TextEdit> format(
      Document document, XtextResource resource, DocumentRangeFormattingParams params, CancelIndicator cancel) {
    return formatWhole(document, resource, lowered, width(params.getOptions()));
  }

  /** The width asked for in {@code options}, or the default. */
  static int width(FormattingOptions options) {
    Number n = options == null ? null : options.getNumber(WIDTH_OPTION);
    return n == null || n.intValue() < ModelFormatter.MIN_WIDTH ? ModelFormatter.DEFAULT_WIDTH : n.intValue();
  }

  /** The formatted text of the resource's model; null when it has errors. */
  public static String formattedText(XtextResource resource) {
    return formattedText(resource, LoweredModels.UNCACHED, ModelFormatter.DEFAULT_WIDTH);
  }

  /** {@link #formattedText(XtextResource)} at {@code width}, with the model's lowering from {@code lowered}. */
  public static String formattedText(XtextResource resource, LoweredModels lowered, int width) {
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
    return errors ? null : new ModelFormatter(width).format(model);
  }

  private static List<TextEdit> formatWhole(
      Document document, XtextResource resource, LoweredModels lowered, int width) {
    String formatted = formattedText(resource, lowered, width);
    String contents = document.getContents();
    if (formatted == null || formatted.equals(contents) || !sameComments(contents, formatted)) {
      return List.of();
    }
    Position end = document.getPosition(contents.length());
    return List.of(new TextEdit(new Range(new Position(0, 0), end), formatted));
  }

  private static boolean sameComments(String before, String after) {
    return CommentScanner.comments(before).stream().sorted().toList()
        .equals(CommentScanner.comments(after).stream().sorted().toList());
  }
}
