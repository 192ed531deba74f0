package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

/** {@code ballot lsp}: serves the protocol on its streams, reports validation, and exits 0 when the client leaves. */
class LspCommandTest {

  @Test
  void servesDiagnosticsAndExitsWhenTheConnectionCloses() throws Exception {
    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    PipedOutputStream toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 16);
    PipedOutputStream fromServer = new PipedOutputStream(clientIn);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
      try {
        return new LspCommand(serverIn, fromServer).call();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    LinkedBlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    LanguageClient client = new LanguageClient() {
      @Override public void telemetryEvent(Object o) {}
      @Override public void publishDiagnostics(PublishDiagnosticsParams p) { diagnostics.add(p); }
      @Override public void showMessage(MessageParams p) {}
      @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
        return CompletableFuture.completedFuture(null);
      }
      @Override public void logMessage(MessageParams p) {}
    };
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, toServer);
    launcher.startListening();
    LanguageServer server = launcher.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    java.nio.file.Path root = java.nio.file.Files.createTempDirectory("ballot-lsp");
    init.setRootUri(root.toUri().toString());
    assertTrue(server.initialize(init).get(60, TimeUnit.SECONDS).getCapabilities().getHoverProvider().getLeft());
    server.initialized(new InitializedParams());
    String uri = init.getRootUri() + "m.m";
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
        new TextDocumentItem(uri, "murphi", 1, CliEndToEndTest.UNDECLARED)));
    PublishDiagnosticsParams p = diagnostics.poll(60, TimeUnit.SECONDS);
    assertEquals(uri, p.getUri());
    assertEquals(1, p.getDiagnostics().size(), p.toString());
    assertTrue(p.getDiagnostics().get(0).getMessage().contains("'y'"), p.toString());
    toServer.close();
    assertEquals(0, exit.get(30, TimeUnit.SECONDS));
    java.nio.file.Files.delete(root); // the test opened its document without writing it: the root is empty
  }

  @Test
  void onlyAPlainStartOfTheServerSkipsTheCommandTree() {
    assertTrue(LspCommand.startsTheServer(new String[] {"lsp"}));
    assertTrue(LspCommand.startsTheServer(new String[] {"lsp", "--stdio"}));
    assertFalse(LspCommand.startsTheServer(new String[] {"lsp", "--help"}), "help goes through picocli");
    assertFalse(LspCommand.startsTheServer(new String[] {"lsp", "--stdio", "x"}), "a usage error too");
    assertFalse(LspCommand.startsTheServer(new String[] {"lsp", "--tcp"}));
    assertFalse(LspCommand.startsTheServer(new String[] {"check", "lsp"}));
    assertFalse(LspCommand.startsTheServer(new String[0]));
  }
}
