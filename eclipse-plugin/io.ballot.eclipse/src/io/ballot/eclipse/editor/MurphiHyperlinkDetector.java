package io.ballot.eclipse.editor;

import io.ballot.eclipse.Activator;
import io.ballot.eclipse.core.MurphiServices;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;

/** Ctrl+click on a name: a link to its declaration in the same model. */
public class MurphiHyperlinkDetector extends AbstractHyperlinkDetector {

  @Override
  public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
    MurphiServices.Link link = Activator.get().services().link(viewer.getDocument().get(), region.getOffset());
    return link == null ? null : new IHyperlink[] {new DeclarationLink(viewer, link)};
  }

  /** Selects and reveals the declaration's name in the same viewer. */
  public static final class DeclarationLink implements IHyperlink {
    private final ITextViewer viewer;
    private final MurphiServices.Link link;

    DeclarationLink(ITextViewer viewer, MurphiServices.Link link) {
      this.viewer = viewer;
      this.link = link;
    }

    public MurphiServices.Link link() {
      return link;
    }

    @Override
    public IRegion getHyperlinkRegion() {
      return new Region(link.offset(), link.length());
    }

    @Override
    public String getTypeLabel() {
      return "Declaration";
    }

    @Override
    public String getHyperlinkText() {
      return "Go to the declaration of " + link.name();
    }

    @Override
    public void open() {
      viewer.setSelectedRange(link.targetOffset(), link.targetLength());
      viewer.revealRange(link.targetOffset(), link.targetLength());
    }
  }
}
