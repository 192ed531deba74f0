package io.ballot.dsl.ide.server;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.ExecuteCommandCapabilities;
import org.eclipse.lsp4j.FoldingRangeCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RenameCapabilities;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A language server started in-process and an lsp4j client talking to it over piped streams (JSON-RPC, as an
 * editor would), with the client's notifications recorded for the tests to wait on.
 */
final class LspSession implements AutoCloseable {
  final Path root;
  final LanguageServer server;
  final RecordingClient client = new RecordingClient();
  final InitializeResult initialized;
  private final LanguageServers.Running running;
  private final PipedOutputStream toServer;

  LspSession() throws Exception {
    this(true);
  }

  /** With {@code withRoot} false the client sends no workspace root, as an editor opened on a single file does. */
  LspSession(boolean withRoot) throws Exception {
    this(withRoot, capabilities());
  }

  /** A session whose client declares {@code capabilities} (e.g. none at all, as a minimal client does). */
  LspSession(boolean withRoot, ClientCapabilities capabilities) throws Exception {
    root = Files.createTempDirectory("ballot-lsp");
    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 16);
    PipedOutputStream fromServer = new PipedOutputStream(clientIn);
    running = LanguageServers.start(serverIn, fromServer);
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, toServer);
    launcher.startListening();
    server = launcher.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    if (withRoot) {
      init.setRootUri(root.toUri().toString());
    }
    init.setCapabilities(capabilities);
    initialized = server.initialize(init).get(60, TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
    // initialize is answered before the server is built (EarlyInitialize); a request answered after it means the
    // built server has initialized too (its workspace is set up before any read), as the tests expect.
    server.getWorkspaceService().symbol(new org.eclipse.lsp4j.WorkspaceSymbolParams("")).get(60, TimeUnit.SECONDS);
  }

  private static ClientCapabilities capabilities() {
    ClientCapabilities c = new ClientCapabilities();
    WindowClientCapabilities window = new WindowClientCapabilities();
    window.setWorkDoneProgress(true);
    c.setWindow(window);
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    workspace.setExecuteCommand(new ExecuteCommandCapabilities(false));
    c.setWorkspace(workspace);
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    text.setRename(new RenameCapabilities(true, false));
    text.setFoldingRange(new FoldingRangeCapabilities());
    DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
    symbols.setHierarchicalDocumentSymbolSupport(true);
    text.setDocumentSymbol(symbols);
    c.setTextDocument(text);
    return c;
  }

  /** The server object itself (not the client's proxy of it). */
  BallotLanguageServer serverImpl() {
    return running.server();
  }

  /** Opens {@code text} as the document {@code name} in the workspace; returns its URI. */
  String open(String name, String text) {
    String uri = root.resolve(name).toUri().toString();
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "murphi", 1, text)));
    return uri;
  }

  /** The first diagnostics published for {@code uri} that satisfy {@code accept}. */
  PublishDiagnosticsParams diagnostics(String uri, Predicate<PublishDiagnosticsParams> accept) throws Exception {
    return client.await(client.diagnostics, p -> p.getUri().equals(uri) && accept.test(p), 60);
  }

  static String read(String path) throws IOException {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }

  /** The position of the {@code nth} (0-based) whole-word occurrence of {@code word} on 1-based {@code line}. */
  static org.eclipse.lsp4j.Position at(String text, int line, String word, int nth) {
    String l = text.split("\n", -1)[line - 1];
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(word) + "\\b").matcher(l);
    for (int i = 0; i <= nth; i++) {
      if (!m.find()) {
        throw new IllegalArgumentException(word + " not on line " + line + ": " + l);
      }
    }
    return new org.eclipse.lsp4j.Position(line - 1, m.start());
  }

  /** Whole-word occurrences of {@code word} outside {@code --} comments. */
  static int codeOccurrences(String text, String word) {
    int n = 0;
    java.util.regex.Pattern p = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(word) + "\\b");
    for (String line : text.split("\n", -1)) {
      int comment = line.indexOf("--");
      java.util.regex.Matcher m = p.matcher(comment >= 0 ? line.substring(0, comment) : line);
      while (m.find()) {
        n++;
      }
    }
    return n;
  }

  /** {@code text} with the edits applied. */
  static String apply(String text, List<? extends org.eclipse.lsp4j.TextEdit> edits) {
    io.ballot.dsl.ide.validation.LineStarts lines = new io.ballot.dsl.ide.validation.LineStarts(text);
    List<org.eclipse.lsp4j.TextEdit> sorted = new java.util.ArrayList<>(edits);
    sorted.sort(java.util.Comparator.comparingInt((org.eclipse.lsp4j.TextEdit e) ->
        lines.offset(e.getRange().getStart().getLine() + 1, e.getRange().getStart().getCharacter() + 1)).reversed());
    StringBuilder b = new StringBuilder(text);
    for (org.eclipse.lsp4j.TextEdit e : sorted) {
      int from = lines.offset(e.getRange().getStart().getLine() + 1, e.getRange().getStart().getCharacter() + 1);
      int to = lines.offset(e.getRange().getEnd().getLine() + 1, e.getRange().getEnd().getCharacter() + 1);
      b.replace(from, to, e.getNewText());
    }
    return b.toString();
  }

  @Override
  public void close() throws Exception {
    try {
      server.shutdown().get(10, TimeUnit.SECONDS);
    } finally {
      toServer.close();
      running.listening().cancel(true);
      TempRoots.delete(root);
    }
  }

  /** Records what the server sends; answers its requests as VS Code would. */
  static final class RecordingClient implements LanguageClient {
    final List<PublishDiagnosticsParams> diagnostics = new CopyOnWriteArrayList<>();
    final List<ProgressParams> progress = new CopyOnWriteArrayList<>();
    final List<MessageParams> log = new CopyOnWriteArrayList<>();

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
      diagnostics.add(params);
    }

    @Override
    public void showMessage(MessageParams params) {
      log.add(params);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams params) {
      log.add(params);
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifyProgress(ProgressParams params) {
      progress.add(params);
    }

    /** The first item of {@code list} (now or later) that satisfies {@code accept}; fails after {@code seconds}. */
    <T> T await(List<T> list, Predicate<T> accept, int seconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < deadline) {
        for (T item : list) {
          if (accept.test(item)) {
            return item;
          }
        }
        Thread.sleep(10);
      }
      throw new AssertionError("nothing acceptable arrived within " + seconds + " s; got " + list);
    }
  }
}
