package io.ballot.eclipse.check;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.result.Result;
import io.ballot.eclipse.Activator;
import io.ballot.eclipse.core.ModelCheck;
import io.ballot.eclipse.core.ModelMarkers;
import io.ballot.eclipse.editor.MurphiReconcilingStrategy;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * Check Model: checks the active Murphi editor's text in a background job (cancellable from the Progress view),
 * puts each violation on the file as a problem marker at the violated property, and shows the first violation's
 * counterexample in the Counterexample view.
 */
public class CheckModelHandler extends AbstractHandler {

  @Override
  public Object execute(ExecutionEvent event) {
    IEditorPart editor = HandlerUtil.getActiveEditor(event);
    if (!(editor instanceof ITextEditor text)) {
      return null;
    }
    IDocument document = text.getDocumentProvider().getDocument(text.getEditorInput());
    IFile file = MurphiReconcilingStrategy.fileOf(document);
    String name = file != null ? file.getName() : text.getEditorInput().getName();
    IWorkbenchPage page = editor.getSite().getPage();
    job(name, document, file, result -> Display.getDefault().asyncExec(() -> show(page, name, result))).schedule();
    return null;
  }

  /** The job that checks {@code document} and marks {@code file} (may be null); {@code done} gets the result. */
  public static Job job(String name, IDocument document, IFile file, java.util.function.Consumer<Result> done) {
    String text = document.get();
    return Job.create("Checking " + name, (IProgressMonitor monitor) -> {
      monitor.beginTask("Checking " + name, IProgressMonitor.UNKNOWN);
      try {
        ModelCheck.Outcome outcome = ModelCheck.run(Activator.get().services().frontEnd(), name, text,
            CheckOptions.defaults(), // the command line's, as `ballot check` with no flags; the header wins
            (states, fired, depth, queued, seconds, bytes) -> {
              if (monitor.isCanceled()) {
                throw new CancellationException();
              }
              monitor.subTask(String.format(Locale.ROOT, "%,d states, %,d rules fired", states, fired));
            },
            warning -> Activator.get().getLog().log(Status.warning("ballot: " + warning)));
        if (outcome.rejected() != null) {
          return Status.error("The model was not checked: " + outcome.rejected());
        }
        if (file != null) {
          List<ModelMarkers.Spec> specs = ModelCheck.markers(outcome.result(), document);
          ModelMarkers.replace(file, ModelMarkers.VIOLATION, specs);
        }
        done.accept(outcome.result());
        return Status.OK_STATUS;
      } catch (CoreException e) {
        return e.getStatus();
      } catch (RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
          if (t instanceof CancellationException) {
            return Status.CANCEL_STATUS;
          }
        }
        return new Status(IStatus.ERROR, Activator.ID, "The check failed", e);
      } finally {
        monitor.done();
      }
    });
  }

  private static void show(IWorkbenchPage page, String name, Result result) {
    try {
      CounterexampleView view = (CounterexampleView) page.showView(CounterexampleView.ID);
      view.show(name, result);
    } catch (PartInitException e) {
      Activator.get().getLog().log(e.getStatus());
    }
  }
}
