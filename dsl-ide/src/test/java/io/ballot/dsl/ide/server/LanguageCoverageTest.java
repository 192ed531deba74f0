package io.ballot.dsl.ide.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import io.ballot.dsl.MurphiStandaloneSetup;
import io.ballot.dsl.api.FrontEnd;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The language server on every construct of docs/language.md (src/test/resources/AllConstructs.m), over JSON-RPC
 * as an editor drives it: at every identifier and keyword, hover, definition, references, document highlight,
 * completion and prepare-rename answer without an error response and without an error or exception in the
 * server's log; every name has a hover, a definition, references and highlights; the message-passing constructs
 * get their specific answers (message kinds, fields, networks).
 */
class LanguageCoverageTest {
  private static final String MODEL = "src/test/resources/AllConstructs.m";
  /** Keywords that start a rule, property or message-passing construct; hovering them describes the construct. */
  private static final Set<String> CONSTRUCTS = Set.of("rule", "startstate", "ruleset", "alias", "choose",
      "invariant", "assert", "assume", "cover", "liveness", "network", "send", "broadcast", "receive", "restart");
  /** Declared outside the model (built-in functions, the network queries): a hover, but nothing to go to or rename. */
  private static final Set<String> BUILT_INS = Set.of("real", "sqrt", "inflight", "full", "count");
  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static ServerLog log;
  private static LspSession session;
  private static String text;
  private static String uri;
  private static Set<String> keywords;

  @BeforeAll
  static void start() throws Exception {
    log = new ServerLog();
    session = new LspSession();
    text = LspSession.read(MODEL);
    uri = session.open("AllConstructs.m", text);
    assertEquals(List.of(), session.diagnostics(uri, p -> true).getDiagnostics(), "AllConstructs.m is valid");
    // createInjector, not createInjectorAndDoEMFRegistration: registering the runtime-only language in EMF's global
    // registry would make Xtext's rename service (which looks the language up there) find no rename strategy.
    Injector injector = new MurphiStandaloneSetup().createInjector();
    keywords = new TreeSet<>();
    for (String k : GrammarUtil.getAllKeywords(injector.getInstance(IGrammarAccess.class).getGrammar())) {
      keywords.add(k.toLowerCase(Locale.ROOT));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      session.close();
    } finally {
      log.close();
    }
  }

  private static TextDocumentIdentifier doc() {
    return new TextDocumentIdentifier(uri);
  }

  /** One word of the model outside comments and strings: where it is and whether it is a name. */
  private record Occurrence(String word, int line, int column, boolean name) {
    Position position() {
      return new Position(line, column);
    }

    @Override
    public String toString() {
      return "'" + word + "' at " + (line + 1) + ":" + (column + 1);
    }
  }

  private static List<Occurrence> occurrences() {
    List<Occurrence> all = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String code = lines[i];
      int comment = code.indexOf("--");
      code = comment >= 0 ? code.substring(0, comment) : code;
      code = blankStrings(code);
      Matcher m = WORD.matcher(code);
      while (m.find()) {
        boolean name = !keywords.contains(m.group().toLowerCase(Locale.ROOT));
        all.add(new Occurrence(m.group(), i, m.start(), name));
      }
    }
    return all;
  }

  private static int leadingSpaces(int line) {
    String l = text.split("\n", -1)[line];
    return l.length() - l.stripLeading().length();
  }

  private static String blankStrings(String line) {
    StringBuilder b = new StringBuilder(line);
    boolean in = false;
    for (int i = 0; i < b.length(); i++) {
      if (b.charAt(i) == '"') {
        in = !in;
      } else if (in) {
        b.setCharAt(i, ' ');
      }
    }
    return b.toString();
  }

  /** The value of a request's answer; an error response (or no answer in 30 s) fails with where it was asked. */
  private static <T> T answer(String request, Occurrence at, CompletableFuture<T> future) throws Exception {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(request + " on " + at + " answered with an error: " + e.getCause(), e.getCause());
    }
  }

  private static String hover(Occurrence at, Position p) throws Exception {
    Hover h = answer("hover", at, session.server.getTextDocumentService().hover(new HoverParams(doc(), p)));
    return h == null || h.getContents() == null || h.getContents().getRight() == null
        ? "" : h.getContents().getRight().getValue();
  }

  private static List<? extends Location> definition(Occurrence at) throws Exception {
    var d = answer("definition", at,
        session.server.getTextDocumentService().definition(new DefinitionParams(doc(), at.position())));
    return d == null ? List.of() : d.getLeft();
  }

  private static List<? extends Location> references(Occurrence at) throws Exception {
    return answer("references", at, session.server.getTextDocumentService().references(
        new ReferenceParams(doc(), at.position(), new ReferenceContext(true))));
  }

  private static List<String> complete(Occurrence at, Position p) throws Exception {
    var result = answer("completion", at,
        session.server.getTextDocumentService().completion(new CompletionParams(doc(), p)));
    List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
    return items.stream().map(CompletionItem::getLabel).toList();
  }

  /** The first occurrence of {@code word} on the first line that starts (indentation aside) with {@code line}. */
  private static Occurrence find(String line, String word) {
    return find(line, word, 0);
  }

  /** The {@code nth} (0-based) occurrence of {@code word} on that line. */
  private static Occurrence find(String line, String word, int nth) {
    int at = lineOf(line);
    return occurrences().stream().filter(o -> o.line() == at && o.word().equals(word)).skip(nth).findFirst()
        .orElseThrow();
  }

  private static int lineOf(String start) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].trim().startsWith(start)) {
        return i;
      }
    }
    throw new IllegalArgumentException(start);
  }

  @Test
  void everyRequestOnEveryWordAnswersWithoutError() throws Exception {
    List<Occurrence> all = occurrences();
    List<String> missing = new ArrayList<>();
    int requests = 0;
    for (Occurrence o : all) {
      Position start = o.position();
      Position end = new Position(o.line(), o.column() + o.word().length());
      String h = hover(o, start);
      List<? extends Location> def = definition(o);
      List<? extends Location> refs = references(o);
      List<? extends DocumentHighlight> highlights = answer("documentHighlight", o,
          session.server.getTextDocumentService().documentHighlight(new DocumentHighlightParams(doc(), start)));
      List<String> completion = complete(o, end);
      var rename = answer("prepareRename", o,
          session.server.getTextDocumentService().prepareRename(new PrepareRenameParams(doc(), start)));
      requests += 6;
      for (String label : completion) {
        if (!label.isEmpty() && !Character.isLetter(label.charAt(0)) && label.charAt(0) != '"') {
          missing.add("completion at the end of " + o + " proposes punctuation '" + label + "'");
        }
      }
      if (CONSTRUCTS.contains(o.word().toLowerCase(Locale.ROOT)) && o.column() == leadingSpaces(o.line()) && h.isEmpty()) {
        missing.add("no hover on " + o);
      }
      if (!o.name() || o.word().equals("UNDEFINED")) {
        continue; // keywords need only answer without error; CMurphi's UNDEFINED is a value, not a declaration
      }
      if (h.isEmpty()) {
        missing.add("no hover on " + o);
      }
      if (BUILT_INS.contains(o.word())) {
        continue; // declared outside the model: nothing in it to go to, find or rename
      }
      if (def.isEmpty()) {
        missing.add("no definition of " + o);
      }
      if (refs.isEmpty()) {
        missing.add("no references of " + o);
      }
      if (highlights == null || highlights.isEmpty()) {
        missing.add("no highlight of " + o);
      }
      if (rename == null) {
        missing.add("no rename of " + o);
      }
    }
    assertEquals(List.of(), missing, "over " + all.size() + " words, " + requests + " requests");
    assertTrue(all.size() > 300, "words in the model: " + all.size());
    assertEquals(List.of(), log.problems, "the server's log");
  }

  /**
   * The model holds every word of the grammar (the {@code endX} spellings of {@code end} aside), so that a construct
   * added to the language (such as {@code when full: drop}) is covered by the requests above or this test fails.
   */
  @Test
  void theModelUsesEveryWordOfTheGrammar() {
    Set<String> used = occurrences().stream().map(o -> o.word().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    List<String> unused = keywords.stream()
        .filter(k -> k.matches("[a-z][a-z0-9_]*") && !k.matches("end[a-z]+"))
        .filter(k -> !used.contains(k))
        .toList();
    assertEquals(List.of(), unused, "grammar words that " + MODEL + " does not use");
  }

  @Test
  void hoverDescribesNetworksMessageKindsAndReceivedFields() throws Exception {
    Occurrence network = find("network net", "net");
    String onNetwork = hover(network, network.position());
    assertTrue(onNetwork.contains("network net : unordered lossy duplicating capacity 4"), onNetwork);
    assertTrue(onNetwork.contains("Ping(src: Node, lvl: Level)") && onNetwork.contains("Stop"), onNetwork);
    Occurrence sentKind = find("send net Ping", "Ping");
    String onKind = hover(sentKind, sentKind.position());
    assertTrue(onKind.contains("message Ping(src: Node, lvl: Level)") && onKind.contains("network `net`"), onKind);
    Occurrence bound = find("receive \"pong\"", "l");
    String onBound = hover(bound, bound.position());
    assertTrue(onBound.contains("received l : Level") && onBound.contains("field lvl of Ping"), onBound);
    Occurrence sender = find("receive ch Data", "a");
    String onSender = hover(sender, sender.position());
    assertTrue(onSender.contains("sender a : Node"), onSender);
    Occurrence durable = find("durable term", "term");
    String onDurable = hover(durable, durable.position());
    assertTrue(onDurable.contains("durable var term : array [Node] of Level := 0"), onDurable);
    Occurrence inflight = find("invariant \"sent\"", "inflight");
    assertTrue(hover(inflight, inflight.position()).contains("whether network msgs"), "hover on inflight");
    Occurrence restart = find("restart", "restart");
    assertTrue(hover(restart, restart.position()).contains("crash and recovery"), "hover on restart");
  }

  @Test
  void messageKindsAreDefinedReferencedAndRenamedInTheirNetwork() throws Exception {
    int declared = lineOf("Ping(src: Node");
    for (String line : List.of("send net Ping", "broadcast net Ping", "receive \"pong\"")) {
      Occurrence use = find(line, "Ping");
      List<? extends Location> def = definition(use);
      assertEquals(1, def.size(), use.toString());
      assertEquals(declared, def.get(0).getRange().getStart().getLine(), use.toString());
    }
    Occurrence stopInInflight = find("invariant \"sent\"", "Stop");
    assertEquals(lineOf("Stop;"), definition(stopInInflight).get(0).getRange().getStart().getLine());
    // Ping: declared once, used by the send, the broadcast and the receive.
    assertEquals(4, references(find("Ping(src", "Ping")).size());
    Occurrence broadcast = find("broadcast net Ping", "Ping");
    WorkspaceEdit edit = answer("rename", broadcast, session.server.getTextDocumentService()
        .rename(new RenameParams(doc(), broadcast.position(), "Hello")));
    List<TextEdit> edits = new ArrayList<>();
    if (edit.getChanges() != null) {
      edit.getChanges().values().forEach(edits::addAll);
    } else {
      edit.getDocumentChanges().forEach(c -> edits.addAll(c.getLeft().getEdits()));
    }
    assertEquals(4, edits.size(), edits.toString());
    String renamed = LspSession.apply(text, edits);
    assertEquals(4, LspSession.codeOccurrences(renamed, "Hello"));
    assertEquals(0, LspSession.codeOccurrences(renamed, "Ping"));
    // A built-in is declared outside the model: it cannot be renamed (and that is no internal error).
    Occurrence builtin = find("temp := sqrt", "sqrt");
    assertEquals(null, answer("prepareRename", builtin, session.server.getTextDocumentService()
        .prepareRename(new PrepareRenameParams(doc(), builtin.position()))));
    WorkspaceEdit none = answer("rename", builtin, session.server.getTextDocumentService()
        .rename(new RenameParams(doc(), builtin.position(), "root")));
    assertTrue(none == null || none.getChanges() == null && none.getDocumentChanges() == null
        || none.getChanges() != null && none.getChanges().values().stream().allMatch(List::isEmpty), String.valueOf(none));
    // last: the front end registers the runtime-only language globally (see start())
    assertEquals(List.of(), new FrontEnd().load("AllConstructs.m", renamed).diagnostics());
  }

  @Test
  void completionAfterANetworkOffersItsMessageKindsAndNoPunctuation() throws Exception {
    Occurrence send = find("send net Ping", "send");
    Position afterNet = new Position(send.line(), send.column() + "send net ".length());
    assertEquals(Set.of("Ping", "Stop"), Set.copyOf(complete(send, afterNet)));
    Occurrence inflight = find("invariant \"sent\"", "Stop");
    Position inInflight = inflight.position(); // inflight(net, |Stop)
    assertEquals(Set.of("Ping", "Stop"), Set.copyOf(complete(inflight, inInflight)));
    Occurrence receive = find("receive msgs", "receive");
    Position afterMsgs = new Position(receive.line(), receive.column() + "receive msgs ".length());
    assertEquals(Set.of("Prepared", "Commit"), Set.copyOf(complete(receive, afterMsgs)));
    // after 'send ': the networks only
    Position afterSend = new Position(send.line(), send.column() + "send ".length());
    assertEquals(Set.of("msgs", "net", "ch", "spill", "strict"), Set.copyOf(complete(send, afterSend)));
    // at the start of a statement: names and statement keywords, no punctuation
    Occurrence statement = find("next := bump", "next");
    List<String> atStatement = complete(statement, statement.position());
    assertTrue(atStatement.containsAll(List.of("next", "term", "table", "if", "send", "broadcast", "while")),
        atStatement.toString());
    assertTrue(atStatement.stream().allMatch(l -> Character.isLetter(l.charAt(0))), atStatement.toString());
    // after a keyword that a string may follow, its placeholder; after an expression, not the property's name
    Occurrence rule = find("rule \"grow\"", "rule");
    assertTrue(complete(rule, new Position(rule.line(), rule.column() + "rule ".length())).contains("\"name\""));
    Occurrence condition = find("invariant \"levels\"", "end");
    assertFalse(complete(condition, new Position(condition.line(), condition.column() + "end".length()))
        .contains("\"name\""));
    assertFalse(atStatement.contains("unordered"), "a contextual keyword that only makes a name here: " + atStatement);
  }

  @Test
  void semanticTokensClassifyNetworksMessageKindsAndReceivedNames() throws Exception {
    SemanticTokens tokens = session.server.getTextDocumentService()
        .semanticTokensFull(new SemanticTokensParams(doc())).get(30, TimeUnit.SECONDS);
    var legend = session.initialized.getCapabilities().getSemanticTokensProvider().getLegend();
    Map<String, String> byPosition = new HashMap<>();
    List<Integer> d = tokens.getData();
    int line = 0;
    int col = 0;
    for (int i = 0; i < d.size(); i += 5) {
      line += d.get(i);
      col = d.get(i) == 0 ? col + d.get(i + 1) : d.get(i + 1);
      int mods = d.get(i + 4);
      String modifiers = IntStream.range(0, legend.getTokenModifiers().size()).filter(b -> (mods & (1 << b)) != 0)
          .mapToObj(b -> legend.getTokenModifiers().get(b)).collect(Collectors.joining(","));
      String type = legend.getTokenTypes().get(d.get(i + 3));
      byPosition.put(line + ":" + col, type + (modifiers.isEmpty() ? "" : "+" + modifiers));
    }
    java.util.function.BiFunction<String, String, String> at = (l, w) -> {
      Occurrence o = find(l, w);
      return byPosition.get(o.line() + ":" + o.column());
    };
    assertEquals("variable+declaration", at.apply("network net", "net"));
    assertEquals("variable", at.apply("send net Ping", "net"));
    assertEquals("enumMember+declaration", at.apply("Ping(src", "Ping"));
    assertEquals("enumMember", at.apply("send net Ping", "Ping"));
    assertEquals("property+declaration", at.apply("Ping(src", "src"));
    assertEquals("parameter+declaration", at.apply("receive \"pong\"", "l"));
    Occurrence use = find("receive \"pong\"", "l", 1); // term[n] := l
    assertEquals("parameter", byPosition.get(use.line() + ":" + use.column()));
  }

  @Test
  void commandsWorkForAClientThatDeclaresNoExecuteCommandCapability() throws Exception {
    try (LspSession bare = new LspSession(true, new ClientCapabilities())) {
      assertNotNull(bare.initialized.getCapabilities().getExecuteCommandProvider(), "commands are advertised");
      assertTrue(bare.initialized.getCapabilities().getExecuteCommandProvider().getCommands()
          .contains("ballot.showTrace"));
      String model = bare.open("AllConstructs.m", text);
      bare.diagnostics(model, p -> true);
      Object trace = bare.server.getWorkspaceService()
          .executeCommand(new ExecuteCommandParams("ballot.showTrace", List.of(model))).get(30, TimeUnit.SECONDS);
      assertTrue(String.valueOf(trace).contains("no check of this model has finished yet"), String.valueOf(trace));
    }
    assertEquals(List.of(), log.problems, "the server's log");
  }

}
