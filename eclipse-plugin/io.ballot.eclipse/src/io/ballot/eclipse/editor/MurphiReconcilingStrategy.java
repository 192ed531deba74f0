package io.ballot.eclipse.editor;

import io.ballot.eclipse.Activator;
import io.ballot.eclipse.core.ModelMarkers;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;

/**
 * Validation as you type: on every reconcile the whole text goes through Ballot's front end and the file's
 * {@link ModelMarkers#PROBLEM} markers are replaced by its diagnostics (the messages of {@code ballot validate}).
 */
public class MurphiReconcilingStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {
  private IDocument document;

  @Override
  public void setDocument(IDocument document) {
    this.document = document;
  }

  @Override
  public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
    validate();
  }

  @Override
  public void reconcile(IRegion partition) {
    validate();
  }

  @Override
  public void setProgressMonitor(IProgressMonitor monitor) {}

  @Override
  public void initialReconcile() {
    validate();
  }

  /** Validates the document and updates its file's markers; a document without a workspace file is skipped. */
  public void validate() {
    IDocument doc = document;
    IFile file = fileOf(doc);
    if (doc == null || file == null) {
      return;
    }
    try {
      ModelMarkers.replace(file, ModelMarkers.PROBLEM,
          ModelMarkers.of(Activator.get().services().diagnostics(file.getName(), doc.get()), doc));
    } catch (CoreException e) {
      Activator.get().getLog().log(e.getStatus());
    }
  }

  /** The workspace file whose text buffer holds {@code document}; null when there is none. */
  public static IFile fileOf(IDocument document) {
    if (document == null) {
      return null;
    }
    ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
    IPath location = buffer == null ? null : buffer.getLocation();
    if (location == null) {
      return null;
    }
    IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(location);
    return file.exists() ? file : null;
  }
}
