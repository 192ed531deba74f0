package io.ballot.dsl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import io.ballot.checker.ir.IrPrinter;
import io.ballot.dsl.MurphiStandaloneSetup;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.murphi.Forall;
import io.ballot.dsl.murphi.Model;
import io.ballot.dsl.murphi.NetworkDecl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Syntax the printers do not know (a grammar construct added after them) is copied from the source unchanged, with
 * the comments inside it, instead of being dropped. The test pretends that networks and {@code forall} are unknown.
 */
class FormatVerbatimTest {

  private static Injector injector;

  @BeforeAll
  static void setUp() {
    injector = new MurphiStandaloneSetup().createInjectorAndDoEMFRegistration();
  }

  private static Model parse(String text) throws IOException {
    XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
    XtextResource resource = (XtextResource) set.createResource(URI.createURI("m.m"));
    resource.load(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
    assertTrue(resource.getErrors().isEmpty(), () -> resource.getErrors().toString());
    EcoreUtil.resolveAll(resource);
    return (Model) resource.getContents().get(0);
  }

  private static final String MODEL =
      """
      type P: scalarset(2);
      network   net : unordered   capacity 3 of -- kinds
        Ping (src : P);   /* one */ Pong ( src: P ) ;
      end;
      var seen: array [P] of boolean;
      startstate begin for p: P do seen[p] := false end end;
      ruleset p: P do rule !seen[p] ==> begin send net Ping(p); seen[p] := true end end;
      receive net Ping(s) ==> begin send net Pong(s) end;
      receive net Pong(s) ==> begin end;
      invariant "any"   FORALL p : P DO /* all */ seen[p] | !seen[p] ENDFORALL;
      """;

  @Test
  void unknownSyntaxIsCopiedFromTheSource() throws IOException {
    Predicate<EObject> pretend = o -> !(o instanceof NetworkDecl || o instanceof Forall) && KnownSyntax.covers(o);
    String formatted = new ModelFormatter().format(parse(MODEL), pretend);
    assertTrue(
        formatted.contains(
            "network   net : unordered   capacity 3 of -- kinds\n  Ping (src : P);   /* one */ Pong ( src: P ) ;\nend;\n"),
        formatted);
    assertTrue(formatted.contains("invariant \"any\" FORALL p : P DO /* all */ seen[p] | !seen[p] ENDFORALL;"), formatted);
    // What the printers know is still formatted, and the whole still means the same and is stable.
    assertTrue(formatted.contains("startstate begin\n  for p: P do\n    seen[p] := false;\n  end;\nend;"), formatted);
    FrontEnd frontEnd = new FrontEnd();
    LoadResult original = frontEnd.load("m.m", MODEL);
    LoadResult reloaded = frontEnd.load("m.m", formatted);
    assertFalse(reloaded.hasErrors(), () -> reloaded.diagnostics() + "\n" + formatted);
    assertEquals(IrPrinter.print(original.model()), IrPrinter.print(reloaded.model()));
    assertEquals(formatted, new ModelFormatter().format(parse(formatted), pretend));
    assertEquals(
        CommentScanner.comments(MODEL).stream().sorted().toList(),
        CommentScanner.comments(formatted).stream().sorted().toList());
  }

  /** The table of known syntax is right for today's grammar: no model of the library is copied verbatim. */
  @Test
  void todaysModelsArePrintedNotCopied() throws IOException {
    java.util.List<java.nio.file.Path> files = new java.util.ArrayList<>();
    for (String dir : java.util.List.of("../protocols/models", "src/test/resources/validation/positive")) {
      try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(java.nio.file.Path.of(dir))) {
        s.filter(p -> p.toString().endsWith(".m")).forEach(files::add);
      }
    }
    files.add(null); // and the model above
    java.util.List<String> copied = new java.util.ArrayList<>();
    for (java.nio.file.Path f : files) {
      String text = f == null ? MODEL : java.nio.file.Files.readString(f, StandardCharsets.UTF_8);
      for (EObject o : KnownSyntax.verbatimNodes(parse(text), KnownSyntax::covers)) {
        copied.add(f + ": " + o.eClass().getName());
      }
    }
    assertTrue(files.size() > 40, "models found: " + files.size());
    assertEquals(java.util.List.of(), copied);
  }
}
