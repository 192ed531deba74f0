package io.ballot.eclipse.editor;

import io.ballot.eclipse.Activator;
import io.ballot.eclipse.core.MurphiServices;
import java.util.Map;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.presentation.IPresentationDamager;
import org.eclipse.jface.text.presentation.IPresentationRepairer;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;

/**
 * Colouring: every token classified by the language's highlighting (keywords, comments, strings, numbers, and each
 * name by what it denotes: constant, variable, type, enum value, field, parameter, function). The whole document
 * is repainted on each change: models are small, and a change can alter what a name elsewhere refers to.
 */
public class MurphiPresentationReconciler extends PresentationReconciler {
  private static final Map<String, TextAttribute> STYLES = Map.of(
      "keyword", new TextAttribute(new Color(127, 0, 85), null, SWT.BOLD),
      "comment", new TextAttribute(new Color(63, 127, 95)),
      "string", new TextAttribute(new Color(42, 0, 255)),
      "number", new TextAttribute(new Color(125, 70, 0)),
      "type", new TextAttribute(new Color(0, 110, 110), null, SWT.BOLD),
      "enumMember", new TextAttribute(new Color(0, 0, 192), null, SWT.ITALIC),
      "property", new TextAttribute(new Color(0, 0, 192)),
      "parameter", new TextAttribute(new Color(106, 62, 62)),
      "function", new TextAttribute(new Color(0, 64, 128), null, SWT.BOLD),
      "variable", new TextAttribute(new Color(0, 0, 0)));
  private static final TextAttribute CONSTANT = new TextAttribute(new Color(0, 0, 192), null, SWT.BOLD | SWT.ITALIC);

  public MurphiPresentationReconciler() {
    WholeDocument whole = new WholeDocument();
    setDamager(whole, IDocument.DEFAULT_CONTENT_TYPE);
    setRepairer(whole, IDocument.DEFAULT_CONTENT_TYPE);
  }

  /** The style of a token class ({@code variable} with {@code readonly} is a constant); null: default. */
  public static TextAttribute style(MurphiServices.Token token) {
    if (token.type().equals("variable") && token.modifiers().contains("readonly")) {
      return CONSTANT;
    }
    return STYLES.get(token.type());
  }

  private static final class WholeDocument implements IPresentationDamager, IPresentationRepairer {
    private IDocument document;

    @Override
    public void setDocument(IDocument document) {
      this.document = document;
    }

    @Override
    public IRegion getDamageRegion(ITypedRegion partition, DocumentEvent event, boolean changed) {
      return new Region(0, document.getLength());
    }

    @Override
    public void createPresentation(TextPresentation presentation, ITypedRegion damage) {
      for (MurphiServices.Token token : Activator.get().services().tokens(document.get())) {
        TextAttribute a = style(token);
        if (a != null) {
          presentation.addStyleRange(new StyleRange(token.offset(), token.length(), a.getForeground(), null,
              a.getStyle()));
        }
      }
    }
  }
}
