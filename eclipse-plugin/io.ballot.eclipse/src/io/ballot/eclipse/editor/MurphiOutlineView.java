package io.ballot.eclipse.editor;

import io.ballot.eclipse.Activator;
import io.ballot.eclipse.core.MurphiServices;
import java.util.List;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * The declarations and rules of the Murphi model in the active editor (constants, types with their enum values and
 * fields, variables, functions, rules and rulesets); double-click selects the name in the editor. Refreshed when
 * an editor is activated, and 0.8 s after the last change to its document.
 */
public class MurphiOutlineView extends ViewPart {
  private TreeViewer viewer;
  private ITextEditor editor;
  private IDocument document;
  /**
   * Re-reads the tracked document. One instance, so that scheduling it again while it waits moves it (SWT's
   * timerExec keys on the runnable): a burst of typing parses the model once, 0.8 s after the last key.
   */
  private final Runnable refreshOutline = () -> {
    if (!viewer.getControl().isDisposed() && document != null) {
      viewer.setInput(Activator.get().services().outline(document.get()));
      viewer.expandAll();
    }
  };
  private final org.eclipse.jface.text.IDocumentListener refresh = new org.eclipse.jface.text.IDocumentListener() {
    @Override
    public void documentAboutToBeChanged(org.eclipse.jface.text.DocumentEvent event) {}

    @Override
    public void documentChanged(org.eclipse.jface.text.DocumentEvent event) {
      viewer.getControl().getDisplay().timerExec(800, refreshOutline);
    }
  };

  private final IPartListener2 listener = new IPartListener2() {
    @Override
    public void partActivated(IWorkbenchPartReference ref) {
      if (ref.getPart(false) instanceof ITextEditor e) {
        track(e);
      }
    }

    @Override
    public void partInputChanged(IWorkbenchPartReference ref) {
      partActivated(ref);
    }
  };

  @Override
  public void createPartControl(Composite parent) {
    viewer = new TreeViewer(parent);
    viewer.setContentProvider(new ITreeContentProvider() {
      @Override
      public Object[] getElements(Object input) {
        return ((List<?>) input).toArray();
      }

      @Override
      public Object[] getChildren(Object element) {
        return ((MurphiServices.Symbol) element).children().toArray();
      }

      @Override
      public Object getParent(Object element) {
        return null;
      }

      @Override
      public boolean hasChildren(Object element) {
        return !((MurphiServices.Symbol) element).children().isEmpty();
      }
    });
    viewer.setLabelProvider(new LabelProvider() {
      @Override
      public String getText(Object element) {
        MurphiServices.Symbol s = (MurphiServices.Symbol) element;
        return s.name() + " : " + s.kind();
      }
    });
    viewer.addDoubleClickListener(event -> {
      Object first = ((IStructuredSelection) event.getSelection()).getFirstElement();
      if (first instanceof MurphiServices.Symbol s && editor != null) {
        editor.selectAndReveal(s.offset(), s.length());
      }
    });
    getSite().getPage().addPartListener(listener);
    if (getSite().getPage().getActiveEditor() instanceof ITextEditor e) {
      track(e);
    }
  }

  private void track(ITextEditor e) {
    IDocument d = e.getDocumentProvider().getDocument(e.getEditorInput());
    if (d == null || !e.getEditorInput().getName().endsWith(".m") || d == document) {
      return;
    }
    if (document != null) {
      document.removeDocumentListener(refresh);
    }
    editor = e;
    document = d;
    document.addDocumentListener(refresh);
    viewer.setInput(Activator.get().services().outline(document.get()));
    viewer.expandAll();
  }

  /** The editor whose model is shown (for tests). */
  IEditorPart editor() {
    return editor;
  }

  @Override
  public void dispose() {
    if (document != null) {
      document.removeDocumentListener(refresh);
    }
    getSite().getPage().removePartListener(listener);
    super.dispose();
  }

  @Override
  public void setFocus() {
    viewer.getControl().setFocus();
  }
}
