package io.ballot.dsl.ide.server;

import static io.ballot.dsl.ide.server.LspSession.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.dsl.api.FrontEnd;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import io.ballot.dsl.format.CommentScanner;
import io.ballot.dsl.ide.format.MurphiFormattingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hover, definition, references, rename, completion, formatting, outline, semantic tokens and folding over the
 * protocol library's real models (TwoPhase, Raft), through the protocol as an editor uses it.
 */
class EditorFeaturesTest {
  private static final String TWO_PHASE = "../protocols/models/two-phase/TwoPhase.m";
  private static final String RAFT = "../protocols/models/raft/Raft.m";
  private static LspSession session;
  private static String twoPhase;
  private static String twoPhaseUri;
  private static String raft;
  private static String raftUri;

  /**
   * Created before the server: a FrontEnd does the standalone EMF registration, which would replace the language
   * server's (rename then finds no rename strategy) if done while it runs.
   */
  private static FrontEnd frontEnd;

  @BeforeAll
  static void start() throws Exception {
    frontEnd = new FrontEnd();
    session = new LspSession();
    twoPhase = LspSession.read(TWO_PHASE);
    twoPhaseUri = session.open("TwoPhase.m", twoPhase);
    raft = LspSession.read(RAFT);
    raftUri = session.open("Raft.m", raft);
    assertTrue(session.diagnostics(twoPhaseUri, p -> true).getDiagnostics().isEmpty(), "TwoPhase.m is valid");
    assertTrue(session.diagnostics(raftUri, p -> true).getDiagnostics().isEmpty(), "Raft.m is valid");
  }

  @AfterAll
  static void stop() throws Exception {
    session.close();
  }

  private static TextDocumentIdentifier doc(String uri) {
    return new TextDocumentIdentifier(uri);
  }

  private static String hover(String uri, Position p) throws Exception {
    Hover h = session.server.getTextDocumentService().hover(new HoverParams(doc(uri), p)).get(30, TimeUnit.SECONDS);
    return h == null || h.getContents() == null ? "" : h.getContents().getRight().getValue();
  }

  @Test
  void hoverShowsAConstantsValue() throws Exception {
    // line 37: "  RM: scalarset(NUM_RM);" -- a use of the constant.
    String text = hover(twoPhaseUri, at(twoPhase, 37, "NUM_RM", 0));
    assertTrue(text.contains("const NUM_RM : 3"), text);
    assertTrue(text.contains("value: `3"), text);
    assertTrue(text.contains("declared on line 34"), text);
  }

  @Test
  void hoverShowsAVariablesTypeAndAnEnumValuesType() throws Exception {
    String variable = hover(twoPhaseUri, at(twoPhase, 52, "rmState", 0));
    assertTrue(variable.contains("var rmState : array [RM] of RMState"), variable);
    assertTrue(variable.contains("declared on line 42"), variable);
    String value = hover(twoPhaseUri, at(twoPhase, 52, "working", 0));
    assertTrue(value.contains("enum value working of RMState"), value);
  }

  @Test
  void definitionGoesToTheDeclaration() throws Exception {
    List<? extends Location> locations = session.server.getTextDocumentService()
        .definition(new DefinitionParams(doc(twoPhaseUri), at(twoPhase, 56, "tmState", 0)))
        .get(30, TimeUnit.SECONDS).getLeft();
    assertEquals(1, locations.size());
    assertEquals(at(twoPhase, 43, "tmState", 0), locations.get(0).getRange().getStart());
    // A record field: Raft's "committed[k].entryTerm" goes to the field of record Committed.
    int fieldLine = lineOf(raft, "    entryTerm: Term;");
    List<? extends Location> field = session.server.getTextDocumentService()
        .definition(new DefinitionParams(doc(raftUri), at(raft, lineOf(raft, "    committed[k].entryTerm := 0;"), "entryTerm", 0)))
        .get(30, TimeUnit.SECONDS).getLeft();
    assertEquals(at(raft, fieldLine, "entryTerm", 0), field.get(0).getRange().getStart());
  }

  @Test
  void referencesFindEveryUse() throws Exception {
    ReferenceParams params = new ReferenceParams(doc(twoPhaseUri), at(twoPhase, 46, "msgCommit", 0),
        new ReferenceContext(true));
    List<? extends Location> refs = session.server.getTextDocumentService().references(params).get(30, TimeUnit.SECONDS);
    assertEquals(LspSession.codeOccurrences(twoPhase, "msgCommit"), refs.size(), refs.toString());
    assertTrue(refs.size() >= 5);
  }

  @Test
  void renameChangesTheDeclarationAndEveryUse() throws Exception {
    String text = twoPhase;
    String uri = session.open("TwoPhaseRename.m", text);
    session.diagnostics(uri, p -> true);
    WorkspaceEdit edit = session.server.getTextDocumentService()
        .rename(new RenameParams(doc(uri), at(text, 56, "tmState", 0), "tmPhase"))
        .get(30, TimeUnit.SECONDS);
    List<TextEdit> edits = edit.getChanges() != null ? edit.getChanges().get(uri)
        : edit.getDocumentChanges().get(0).getLeft().getEdits();
    assertEquals(LspSession.codeOccurrences(text, "tmState"), edits.size());
    String renamed = LspSession.apply(text, edits);
    assertEquals(0, LspSession.codeOccurrences(renamed, "tmState"));
    assertEquals(LspSession.codeOccurrences(text, "tmState"), LspSession.codeOccurrences(renamed, "tmPhase"));
    assertTrue(frontEnd.load("r.m", renamed).diagnostics().isEmpty(), "the renamed model is still valid");
  }

  private static List<String> complete(String uri, Position p) throws Exception {
    var result = session.server.getTextDocumentService().completion(new CompletionParams(doc(uri), p))
        .get(30, TimeUnit.SECONDS);
    List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
    return items.stream().map(CompletionItem::getLabel).toList();
  }

  @Test
  void completionProposesRecordFields() throws Exception {
    int line = lineOf(raft, "    committed[k].entryTerm := 0;");
    Position afterDot = at(raft, line, "entryTerm", 0);
    List<String> labels = complete(raftUri, afterDot);
    assertTrue(labels.containsAll(List.of("entryTerm", "commitTerm")), labels.toString());
    assertFalse(labels.contains("currentTerm"), "only Committed's fields after the dot: " + labels);
  }

  @Test
  void completionProposesEnumValuesNamesInScopeAndKeywords() throws Exception {
    // "  tmState := tm_init;" with the cursor after "tm_": the three TMState values, nothing else.
    Position p = at(twoPhase, 56, "tm_init", 0);
    List<String> values = complete(twoPhaseUri, new Position(p.getLine(), p.getCharacter() + 3));
    assertTrue(values.containsAll(List.of("tm_init", "tm_committed", "tm_aborted")), values.toString());
    assertFalse(values.contains("working"), values.toString());
    // At the start of a statement: variables, constants and statement keywords; the for loop's rm is out of scope.
    List<String> atStatement = complete(twoPhaseUri, at(twoPhase, 56, "tmState", 0));
    assertTrue(atStatement.containsAll(List.of("tmState", "msgCommit", "rmState", "if", "for", "while")),
        atStatement.toString());
    assertFalse(atStatement.contains("rm"), atStatement.toString());
    // Inside ruleset rm: the quantifier is in scope.
    List<String> inRuleset = complete(twoPhaseUri, at(twoPhase, 85, "tmPrepared", 0));
    assertTrue(inRuleset.contains("rm"), inRuleset.toString());
  }

  @Test
  void formattingIsBallotFormat() throws Exception {
    List<? extends TextEdit> edits = session.server.getTextDocumentService()
        .formatting(new DocumentFormattingParams(doc(twoPhaseUri), new FormattingOptions(2, true)))
        .get(30, TimeUnit.SECONDS);
    assertEquals(1, edits.size());
    String expected = frontEnd.formatText("TwoPhase.m", twoPhase);
    assertEquals(expected, LspSession.apply(twoPhase, edits));
    // Formatting the formatted text changes nothing; a model with an error is left alone.
    String formattedUri = session.open("TwoPhaseFormatted.m", expected);
    assertEquals(List.of(), session.server.getTextDocumentService()
        .formatting(new DocumentFormattingParams(doc(formattedUri), new FormattingOptions(2, true)))
        .get(30, TimeUnit.SECONDS));
    String broken = session.open("Broken.m", twoPhase.replace("tmState := tm_init;", "tmState := nope;"));
    assertEquals(List.of(), session.server.getTextDocumentService()
        .formatting(new DocumentFormattingParams(doc(broken), new FormattingOptions(2, true)))
        .get(30, TimeUnit.SECONDS));
  }

  @Test
  void formattingWrapsAtTheWidthOptionAndKeepsComments() throws Exception {
    FormattingOptions options = new FormattingOptions(2, true);
    options.putNumber(MurphiFormattingService.WIDTH_OPTION, 60);
    List<? extends TextEdit> edits = session.server.getTextDocumentService()
        .formatting(new DocumentFormattingParams(doc(raftUri), options))
        .get(30, TimeUnit.SECONDS);
    assertEquals(1, edits.size());
    String formatted = LspSession.apply(raft, edits);
    assertEquals(frontEnd.formatText("Raft.m", raft, 60), formatted);
    assertNotEquals(frontEnd.formatText("Raft.m", raft), formatted, "60 columns wrap more than 100");
    assertTrue(raft.contains("--") && formatted.contains("--"), "Raft.m has comments, and they are kept");
    assertEquals(
        CommentScanner.comments(raft).stream().sorted().toList(),
        CommentScanner.comments(formatted).stream().sorted().toList());
  }

  @Test
  void outlineListsDeclarationsWithTheirKinds() throws Exception {
    List<Either<org.eclipse.lsp4j.SymbolInformation, DocumentSymbol>> symbols = session.server
        .getTextDocumentService().documentSymbol(new DocumentSymbolParams(doc(twoPhaseUri))).get(30, TimeUnit.SECONDS);
    Map<String, SymbolKind> kinds = new java.util.HashMap<>();
    List<DocumentSymbol> todo = new ArrayList<>(symbols.stream().map(Either::getRight).toList());
    while (!todo.isEmpty()) {
      DocumentSymbol s = todo.remove(0);
      kinds.put(s.getName(), s.getKind());
      if (s.getChildren() != null) {
        todo.addAll(s.getChildren());
      }
    }
    assertEquals(SymbolKind.Constant, kinds.get("NUM_RM"), kinds.toString());
    assertEquals(SymbolKind.Variable, kinds.get("rmState"));
    assertEquals(SymbolKind.Class, kinds.get("RMState"));
    assertEquals(SymbolKind.EnumMember, kinds.get("working"));
  }

  @Test
  void semanticTokensClassifyNamesByWhatTheyDenote() throws Exception {
    SemanticTokens tokens = session.server.getTextDocumentService()
        .semanticTokensFull(new SemanticTokensParams(doc(twoPhaseUri))).get(30, TimeUnit.SECONDS);
    var legend = session.initialized.getCapabilities().getSemanticTokensProvider().getLegend();
    Map<String, String> byPosition = new java.util.HashMap<>();
    List<Integer> d = tokens.getData();
    int line = 0;
    int col = 0;
    for (int i = 0; i < d.size(); i += 5) {
      line += d.get(i);
      col = d.get(i) == 0 ? col + d.get(i + 1) : d.get(i + 1);
      String type = legend.getTokenTypes().get(d.get(i + 3));
      int mods = d.get(i + 4);
      String modifiers = java.util.stream.IntStream.range(0, legend.getTokenModifiers().size())
          .filter(b -> (mods & (1 << b)) != 0).mapToObj(b -> legend.getTokenModifiers().get(b))
          .collect(Collectors.joining(","));
      byPosition.put(line + ":" + col, type + (modifiers.isEmpty() ? "" : "+" + modifiers));
    }
    Position constUse = at(twoPhase, 37, "NUM_RM", 0);
    assertEquals("variable+readonly", byPosition.get(constUse.getLine() + ":" + constUse.getCharacter()));
    Position enumUse = at(twoPhase, 52, "working", 0);
    assertEquals("enumMember", byPosition.get(enumUse.getLine() + ":" + enumUse.getCharacter()));
    Position typeDecl = at(twoPhase, 38, "RMState", 0);
    assertEquals("type+declaration", byPosition.get(typeDecl.getLine() + ":" + typeDecl.getCharacter()));
    Position keyword = at(twoPhase, 49, "startstate", 0);
    assertEquals("keyword", byPosition.get(keyword.getLine() + ":" + keyword.getCharacter()));
  }

  @Test
  void networkQueriesAreHighlightedAsKeywordsThoughTheyAreCalls() throws Exception {
    String ext = LspSession.read("../protocols/models/two-phase/TwoPhase-ext.m");
    String uri = session.open("TwoPhase-ext.m", ext);
    assertTrue(session.diagnostics(uri, p -> true).getDiagnostics().isEmpty(), "TwoPhase-ext.m is valid");
    SemanticTokens tokens = session.server.getTextDocumentService()
        .semanticTokensFull(new SemanticTokensParams(doc(uri))).get(30, TimeUnit.SECONDS);
    var legend = session.initialized.getCapabilities().getSemanticTokensProvider().getLegend();
    Map<String, String> byPosition = new java.util.HashMap<>();
    List<Integer> d = tokens.getData();
    int line = 0;
    int col = 0;
    for (int i = 0; i < d.size(); i += 5) {
      line += d.get(i);
      col = d.get(i) == 0 ? col + d.get(i + 1) : d.get(i + 1);
      byPosition.put(line + ":" + col, legend.getTokenTypes().get(d.get(i + 3)));
    }
    int row = lineOf(ext, "  & !(inflight(msgs, Commit)");
    Position query = at(ext, row, "inflight", 0);
    assertEquals("keyword", byPosition.get(query.getLine() + ":" + query.getCharacter()));
  }

  @Test
  void foldingCoversMultiLineConstructs() throws Exception {
    List<FoldingRange> ranges = session.server.getTextDocumentService()
        .foldingRange(new FoldingRangeRequestParams(doc(twoPhaseUri))).get(30, TimeUnit.SECONDS);
    // The start state spans lines 49..59 (1-based).
    assertTrue(ranges.stream().anyMatch(r -> r.getStartLine() == 48 && r.getEndLine() >= 57), ranges.toString());
  }

  private static int lineOf(String text, String line) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(line)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("no line " + line);
  }
}
