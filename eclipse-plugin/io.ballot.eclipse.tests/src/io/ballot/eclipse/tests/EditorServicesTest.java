package io.ballot.eclipse.tests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.eclipse.core.ModelMarkers;
import io.ballot.eclipse.core.MurphiServices;
import io.ballot.eclipse.editor.MurphiContentAssistProcessor;
import io.ballot.eclipse.editor.MurphiHyperlinkDetector;
import io.ballot.eclipse.editor.MurphiReconciler;
import io.ballot.eclipse.editor.MurphiTextHover;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.junit.Test;

/**
 * The editor contributions on real documents of the protocol library: the reconciler's markers are the validator's
 * diagnostics and follow the text as it changes, content assist proposes the names in scope, hyperlinks resolve to
 * declarations, hovers describe names, colouring classifies tokens.
 */
public class EditorServicesTest {

  @Test
  public void reconcilerPutsTheValidatorsDiagnosticsOnTheFileAsYouType() throws Exception {
    String valid = Fixtures.model("two-phase/TwoPhase.m");
    IFile file = Fixtures.file("Reconciled.m", valid);
    IDocument document = Fixtures.document(file);
    MurphiReconciler reconciler = new MurphiReconciler();
    reconciler.strategy().setDocument(document);
    reconciler.strategy().initialReconcile();
    assertEquals(0, file.findMarkers(ModelMarkers.PROBLEM, false, IResource.DEPTH_ZERO).length);

    // Typing an undeclared name (not saved): the marker appears with the command line's message and position.
    String broken = valid.replace("  tmState := tm_init;", "  tmState := tm_initial;");
    document.set(broken);
    reconciler.strategy().reconcile(new Region(0, document.getLength()));
    List<Diagnostic> expected = new FrontEnd().load("Reconciled.m", broken).diagnostics();
    IMarker[] markers = file.findMarkers(ModelMarkers.PROBLEM, false, IResource.DEPTH_ZERO);
    assertEquals(expected.size(), markers.length);
    assertEquals(1, markers.length);
    assertEquals(expected.get(0).message(), markers[0].getAttribute(IMarker.MESSAGE));
    assertEquals(56, markers[0].getAttribute(IMarker.LINE_NUMBER, -1));
    assertEquals(IMarker.SEVERITY_ERROR, markers[0].getAttribute(IMarker.SEVERITY, -1));
    int start = markers[0].getAttribute(IMarker.CHAR_START, -1);
    assertEquals("tm_initial", broken.substring(start, markers[0].getAttribute(IMarker.CHAR_END, -1)));

    document.set(valid);
    reconciler.strategy().reconcile(new Region(0, document.getLength()));
    assertEquals(0, file.findMarkers(ModelMarkers.PROBLEM, false, IResource.DEPTH_ZERO).length);
  }

  private static List<String> proposals(String text, int offset) {
    ICompletionProposal[] ps = new MurphiContentAssistProcessor()
        .computeCompletionProposals(Fixtures.viewer(new Document(text)), offset);
    return Arrays.stream(ps).map(ICompletionProposal::getDisplayString).toList();
  }

  @Test
  public void contentAssistProposesNamesInScope() throws Exception {
    String text = Fixtures.model("two-phase/TwoPhase.m");
    List<String> atStatement = proposals(text, Fixtures.offset(text, 56, "tmState", 0));
    assertTrue(atStatement.toString(), atStatement.containsAll(List.of("tmState", "msgCommit", "rmState", "if")));
    assertFalse("the for loop's rm is out of scope: " + atStatement, atStatement.contains("rm"));
    List<String> inRuleset = proposals(text, Fixtures.offset(text, 85, "tmPrepared", 0));
    assertTrue(inRuleset.toString(), inRuleset.contains("rm"));
    String raft = Fixtures.model("raft/Raft.m");
    int line = raft.substring(0, raft.indexOf("    committed[k].entryTerm := 0;")).split("\n", -1).length;
    List<String> fields = proposals(raft, Fixtures.offset(raft, line, "entryTerm", 0));
    assertTrue(fields.toString(), fields.containsAll(List.of("entryTerm", "commitTerm")));
    assertFalse(fields.toString(), fields.contains("currentTerm"));
  }

  @Test
  public void hyperlinksResolveToDeclarations() throws Exception {
    String text = Fixtures.model("two-phase/TwoPhase.m");
    List<int[]> selections = new ArrayList<>();
    int use = Fixtures.offset(text, 56, "tmState", 0);
    IHyperlink[] links = new MurphiHyperlinkDetector()
        .detectHyperlinks(Fixtures.viewer(new Document(text), selections), new Region(use + 2, 0), false);
    assertNotNull(links);
    assertEquals(1, links.length);
    assertEquals(use, links[0].getHyperlinkRegion().getOffset());
    assertEquals("tmState".length(), links[0].getHyperlinkRegion().getLength());
    links[0].open();
    assertEquals(Fixtures.offset(text, 43, "tmState", 0), selections.get(0)[0]);
    assertEquals("tmState".length(), selections.get(0)[1]);
    // Not on a name: no link.
    assertEquals(null, new MurphiHyperlinkDetector().detectHyperlinks(Fixtures.viewer(new Document(text)),
        new Region(Fixtures.offset(text, 56, "tmState", 0) - 1, 0), false));
  }

  @Test
  public void hoverDescribesNames() throws Exception {
    String text = Fixtures.model("two-phase/TwoPhase.m");
    MurphiTextHover hover = new MurphiTextHover();
    Document doc = new Document(text);
    int at = Fixtures.offset(text, 37, "NUM_RM", 0);
    String info = hover.getHoverInfo(Fixtures.viewer(doc), hover.getHoverRegion(Fixtures.viewer(doc), at + 1));
    assertTrue(info, info.contains("const NUM_RM : 3"));
    assertTrue(info, info.contains("value: 3"));
  }

  @Test
  public void tokensAndOutline() throws Exception {
    String text = Fixtures.model("two-phase/TwoPhase.m");
    MurphiServices services = io.ballot.eclipse.Activator.get().services();
    int typeDecl = Fixtures.offset(text, 38, "RMState", 0);
    assertTrue(services.tokens(text).stream()
        .anyMatch(t -> t.offset() == typeDecl && t.type().equals("type") && t.modifiers().contains("declaration")));
    List<String> outline = services.outline(text).stream().map(s -> s.name() + ":" + s.kind()).toList();
    assertTrue(outline.toString(), outline.containsAll(List.of("NUM_RM:constant", "RMState:type", "rmState:variable",
        "\"TMCommit\":SimpleRule", "\"TCConsistent\":PropertyRule")));
  }
}
