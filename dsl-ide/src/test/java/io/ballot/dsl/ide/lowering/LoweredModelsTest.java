package io.ballot.dsl.ide.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.inject.Injector;
import io.ballot.dsl.ide.MurphiIdeSetup;
import io.ballot.dsl.lower.Lowering;
import io.ballot.dsl.murphi.Model;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A document's model is lowered once per version of its text, and again after an edit. */
class LoweredModelsTest {
  private static Injector injector;

  @BeforeAll
  static void setUp() {
    injector = new MurphiIdeSetup().createInjectorAndDoEMFRegistration();
  }

  private static XtextResource load(String text) throws Exception {
    XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
    XtextResource r = (XtextResource) set.createResource(URI.createURI("file:///tmp/counter.m"));
    r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
    return r;
  }

  private static long constant(Lowering.Result lowered) {
    return lowered.model().constants().get(0).value();
  }

  @Test
  void oneLoweringPerVersionOfTheText() throws Exception {
    LoweredModels lowered = injector.getInstance(LoweredModels.class);
    XtextResource r = load("const N: 3;\nvar x: 0..N;\nstartstate x := 0; end;\nrule x < N ==> x := x + 1; end;\n");
    Lowering.Result first = lowered.of((Model) r.getContents().get(0));
    assertSame(first, lowered.of((Model) r.getContents().get(0)), "the same text is lowered once");
    assertEquals(3, constant(first));
    assertEquals("counter.m", first.model().constants().get(0).location().file());

    String text = r.getParseResult().getRootNode().getText();
    r.update(text.indexOf('3'), 1, "5");
    Lowering.Result second = lowered.of((Model) r.getContents().get(0));
    assertNotSame(first, second, "an edit is lowered again");
    assertEquals(5, constant(second));
  }

  @Test
  void uncachedLowersEveryTime() throws Exception {
    XtextResource r = load("var x: boolean;\nstartstate x := true; end;\n");
    Model model = (Model) r.getContents().get(0);
    assertNotSame(LoweredModels.UNCACHED.of(model), LoweredModels.UNCACHED.of(model));
  }
}
