package io.ballot.eclipse.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.reconciler.MonoReconciler;

/** The Generic Editor's reconciler for Murphi: validates the whole model half a second after typing stops. */
public class MurphiReconciler extends MonoReconciler {
  public MurphiReconciler() {
    super(new MurphiReconcilingStrategy(), false);
    setDelay(500);
  }

  /** The strategy (tests run it directly on a document). */
  public MurphiReconcilingStrategy strategy() {
    return (MurphiReconcilingStrategy) getReconcilingStrategy(IDocument.DEFAULT_CONTENT_TYPE);
  }
}
