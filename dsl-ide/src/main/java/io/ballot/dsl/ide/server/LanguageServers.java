package io.ballot.dsl.ide.server;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.concurrent.RequestManager;

/** Starts Ballot's language server on a pair of streams (stdio for {@code ballot lsp}, pipes in tests). */
public final class LanguageServers {
  private LanguageServers() {}

  /** A running server: {@code listening} completes when the input ends or the connection closes. */
  public record Running(BallotLanguageServer server, Future<Void> listening) {}

  /** Creates a fresh server (its own injector and languages) and starts serving JSON-RPC on the streams. */
  public static Running start(InputStream in, OutputStream out) {
    Injector injector = Guice.createInjector(Modules.override(new ServerModule()).with(binder -> {
      binder.bind(LanguageServer.class).to(BallotLanguageServer.class);
      binder.bind(LanguageServerImpl.class).to(BallotLanguageServer.class);
      binder.bind(RequestManager.class).to(ReentrantRequestManager.class);
    }));
    BallotLanguageServer server = injector.getInstance(BallotLanguageServer.class);
    Launcher<LanguageClient> launcher = Launcher.createLauncher(server, LanguageClient.class, in, out);
    server.connect(launcher.getRemoteProxy());
    return new Running(server, launcher.startListening());
  }
}
