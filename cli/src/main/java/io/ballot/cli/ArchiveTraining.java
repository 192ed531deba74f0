package io.ballot.cli;

import io.ballot.dsl.ide.check.CheckModelCommands;
import io.ballot.dsl.ide.server.LanguageServers;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
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

/**
 * The run the {@code ballot} launcher records its class-data-sharing archive from, after a build: a {@code validate}
 * and a {@code check} of a two-state model, then the language server in-process (initialize, open the model, its
 * diagnostics, "Check model", shutdown), so that the archive holds the classes of {@code ballot check} and of
 * {@code ballot lsp} alike. Output is discarded; a failure only makes a smaller archive. Not a user command.
 */
public final class ArchiveTraining {
  private ArchiveTraining() {}

  /** {@code ArchiveTraining MODEL}: MODEL is a small model the launcher wrote. */
  public static void main(String[] args) throws Exception {
    Path model = Path.of(args[0]).toAbsolutePath();
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    Main.run(new String[] {"validate", model.toString()}, nowhere, nowhere);
    Main.run(new String[] {"check", model.toString()}, nowhere, nowhere);
    try {
      languageServer(model);
    } catch (Exception | LinkageError e) {
      // only a training run: the archive then lacks some of the server's classes
    }
    System.exit(0);
  }

  private static void languageServer(Path model) throws Exception {
    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    PipedOutputStream toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 16);
    PipedOutputStream fromServer = new PipedOutputStream(clientIn);
    LanguageServers.Running running = LanguageServers.start(serverIn, fromServer);
    CountDownLatch diagnosed = new CountDownLatch(1);
    CountDownLatch checked = new CountDownLatch(1);
    LanguageClient client = new LanguageClient() {
      @Override public void telemetryEvent(Object o) {}

      @Override public void publishDiagnostics(PublishDiagnosticsParams p) {
        diagnosed.countDown();
      }

      @Override public void showMessage(MessageParams p) {}

      @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
        return CompletableFuture.completedFuture(null);
      }

      @Override public void logMessage(MessageParams p) {
        checked.countDown(); // the server logs a check's verdict when it ends
      }
    };
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, toServer);
    launcher.startListening();
    LanguageServer server = launcher.getRemoteProxy();
    server.initialize(new InitializeParams()).get(120, TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
    String uri = model.toUri().toString();
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(
        uri, "murphi", 1, Files.readString(model, StandardCharsets.UTF_8))));
    diagnosed.await(60, TimeUnit.SECONDS);
    server.getWorkspaceService().executeCommand(new ExecuteCommandParams(CheckModelCommands.CHECK, List.of(uri)))
        .get(60, TimeUnit.SECONDS);
    checked.await(60, TimeUnit.SECONDS);
    server.shutdown().get(30, TimeUnit.SECONDS);
    toServer.close();
    running.listening().cancel(true);
  }
}
