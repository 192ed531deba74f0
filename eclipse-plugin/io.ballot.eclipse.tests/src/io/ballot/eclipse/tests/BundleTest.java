package io.ballot.eclipse.tests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.junit.Test;
import org.osgi.framework.Bundle;

/** The real bundle in Equinox: it resolves and starts, maps *.m to its content type, and contributes its parts. */
public class BundleTest {

  @Test
  public void bundleResolvesAndStarts() throws Exception {
    Bundle bundle = Platform.getBundle("io.ballot.eclipse");
    assertNotNull("the bundle is installed", bundle);
    bundle.start();
    assertEquals(Bundle.ACTIVE, bundle.getState());
    // The embedded front end works inside the bundle's class loader.
    assertTrue(io.ballot.eclipse.Activator.get().services().diagnostics("ok.m",
        "var x: boolean;\nstartstate begin x := true; end;\nrule begin x := !x; end;\n").isEmpty());
  }

  @Test
  public void murphiFilesHaveTheContentType() {
    IContentType type = Platform.getContentTypeManager().findContentTypeFor("model.m");
    assertNotNull(type);
    assertEquals("io.ballot.eclipse.murphi", type.getId());
  }

  @Test
  public void genericEditorContributionsAreRegistered() {
    for (String point : new String[] {"org.eclipse.ui.genericeditor.presentationReconcilers",
        "org.eclipse.ui.genericeditor.reconcilers", "org.eclipse.ui.genericeditor.contentAssistProcessors",
        "org.eclipse.ui.genericeditor.hoverProviders", "org.eclipse.ui.workbench.texteditor.hyperlinkDetectors",
        "org.eclipse.ui.commands", "org.eclipse.ui.handlers", "org.eclipse.ui.views"}) {
      IConfigurationElement[] mine = Arrays.stream(Platform.getExtensionRegistry().getConfigurationElementsFor(point))
          .filter(e -> e.getContributor().getName().equals("io.ballot.eclipse"))
          .toArray(IConfigurationElement[]::new);
      assertTrue("io.ballot.eclipse contributes to " + point, mine.length > 0);
    }
  }
}
