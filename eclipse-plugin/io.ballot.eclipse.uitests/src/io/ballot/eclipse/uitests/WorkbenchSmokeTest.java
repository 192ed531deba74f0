package io.ballot.eclipse.uitests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.ballot.eclipse.check.CounterexampleView;
import io.ballot.eclipse.core.ModelMarkers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.Test;

/**
 * A real workbench (under Xvfb): a .m file opens in the Generic Editor with Ballot's contributions, Check Model
 * runs from its command and fills the Counterexample view, and screenshots are saved for docs/editors.md.
 */
public class WorkbenchSmokeTest {

  @Test
  public void openCheckAndScreenshot() throws Exception {
    Display display = Display.getCurrent();
    Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    shell.setBounds(0, 0, 1400, 860);
    String root = System.getProperty("ballot.repository", "../..");
    String text = Files.readString(Path.of(root, "protocols/models/two-phase/TwoPhase-bug-commit-on-timeout.m"));
    text = text.replace("  tmState := tm_init;", "  tmState := tm_initial;");
    IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("protocols");
    if (!project.exists()) {
      project.create(null);
    }
    project.open(null);
    IFile file = project.getFile("TwoPhase-bug.m");
    file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);

    IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    page.showView("io.ballot.eclipse.outline");
    page.showView("org.eclipse.ui.views.ProblemView");
    IEditorPart editor = IDE.openEditor(page, file);
    assertEquals("org.eclipse.ui.genericeditor.GenericEditor", editor.getSite().getId());
    ITextEditor textEditor = (ITextEditor) editor;
    textEditor.selectAndReveal(text.indexOf("tm_initial"), "tm_initial".length());
    spin(display, 3000);
    page.showView("org.eclipse.ui.views.ProblemView");
    spin(display, 2000);
    assertEquals("the reconciler marked the undeclared name", 1,
        file.findMarkers(ModelMarkers.PROBLEM, false, IResource.DEPTH_ZERO).length);
    screenshot(display, shell, "eclipse-editor.png");

    // Fix the model in the editor, then Check Model from its command.
    textEditor.getDocumentProvider().getDocument(editor.getEditorInput())
        .set(text.replace("  tmState := tm_initial;", "  tmState := tm_init;"));
    page.activate(editor);
    spin(display, 1500);
    PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("io.ballot.eclipse.checkModel", null);
    long deadline = System.currentTimeMillis() + 60_000;
    while (file.findMarkers(ModelMarkers.VIOLATION, false, IResource.DEPTH_ZERO).length == 0
        && System.currentTimeMillis() < deadline) {
      spin(display, 200);
    }
    spin(display, 2000);
    IMarker[] violations = file.findMarkers(ModelMarkers.VIOLATION, false, IResource.DEPTH_ZERO);
    assertEquals(1, violations.length);
    assertEquals(120, violations[0].getAttribute(IMarker.LINE_NUMBER, -1));
    assertTrue(page.findView(CounterexampleView.ID) != null);
    textEditor.selectAndReveal(violations[0].getAttribute(IMarker.CHAR_START, 0), 0);
    spin(display, 1500);
    screenshot(display, shell, "eclipse-check-model.png");
    page.showView("io.ballot.eclipse.outline");
    page.activate(editor);
    spin(display, 1500);
    screenshot(display, shell, "eclipse-outline.png");
  }

  private static void spin(Display display, long millis) {
    long end = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < end) {
      if (!display.readAndDispatch()) {
        display.timerExec(50, () -> {});
        display.sleep();
      }
    }
  }

  private static void screenshot(Display display, Shell shell, String name) throws Exception {
    Rectangle b = shell.getBounds();
    Image image = new Image(display, b.width, b.height);
    GC gc = new GC(display);
    gc.copyArea(image, b.x, b.y);
    gc.dispose();
    ImageLoader loader = new ImageLoader();
    loader.data = new org.eclipse.swt.graphics.ImageData[] {image.getImageData()};
    Path dir = Path.of(System.getProperty("ballot.screenshots", "target/screenshots"));
    Files.createDirectories(dir);
    loader.save(dir.resolve(name).toString(), SWT.IMAGE_PNG);
    image.dispose();
  }
}
