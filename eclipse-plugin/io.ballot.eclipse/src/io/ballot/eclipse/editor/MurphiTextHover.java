package io.ballot.eclipse.editor;

import io.ballot.eclipse.Activator;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;

/** Hover over a name: its kind, declared type, a constant's value and the declaring line. */
public class MurphiTextHover implements ITextHover {

  @Override
  public String getHoverInfo(ITextViewer viewer, IRegion region) {
    String markdown = Activator.get().services().hover(viewer.getDocument().get(), region.getOffset());
    return markdown == null ? null : markdown.replace("```murphi\n", "").replace("\n```", "").replace("`", "");
  }

  @Override
  public IRegion getHoverRegion(ITextViewer viewer, int offset) {
    String text = viewer.getDocument().get();
    int start = offset;
    int end = offset;
    while (start > 0 && isNameChar(text.charAt(start - 1))) {
      start--;
    }
    while (end < text.length() && isNameChar(text.charAt(end))) {
      end++;
    }
    return new Region(start, end - start);
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
