package io.ballot.dsl.ide.server;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import io.ballot.dsl.ide.server.jsonrpc.ErrorResponses;
import io.ballot.dsl.ide.server.jsonrpc.ResyncingInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.log4j.Logger;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.concurrent.RequestManager;

/** Starts Ballot's language server on a pair of streams (stdio for {@code ballot lsp}, pipes in tests). */
public final class LanguageServers {
  private static final Logger LOG = Logger.getLogger(LanguageServers.class);

  private LanguageServers() {}

  /** A running server: {@code listening} completes when the input ends or the connection closes. */
  public record Running(BallotLanguageServer server, Future<Void> listening) {}

  /**
   * Classes the language's setup needs whose loading and static initialisation are long (the ANTLR parsers' and
   * lexers' tables): initialised on a second thread while this one builds the server's injector and the JSON-RPC
   * launcher, so that a second core shortens {@code initialize}. Initialising a class is safe from any thread (the
   * JVM runs each initialiser once) and these initialisers only build their own tables; EMF's packages are not
   * among them, as their initialisers write EMF's global package registry, which is not thread-safe.
   */
  private static final List<String> HEAVY = List.of(
      "io.ballot.dsl.parser.antlr.internal.InternalMurphiParser",
      "io.ballot.dsl.parser.antlr.lexer.InternalMurphiLexer",
      "io.ballot.dsl.ide.contentassist.antlr.internal.InternalMurphiParser",
      "io.ballot.dsl.ide.contentassist.antlr.lexer.InternalMurphiLexer");

  private static void preload() {
    ClassLoader loader = LanguageServers.class.getClassLoader();
    Thread t = new Thread(() -> {
      for (String name : HEAVY) {
        try {
          Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
          LOG.debug("not preloaded: " + name + ": " + e);
        }
      }
    }, "ballot-lsp-preload");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Creates a fresh server (its own injector and languages) and starts serving JSON-RPC on the streams. A badly
   * framed message is skipped and reported (stderr and {@code window/logMessage}); a failed request is answered
   * without a stack trace.
   */
  public static Running start(InputStream in, OutputStream out) {
    preload();
    Injector injector = Guice.createInjector(Modules.override(new ServerModule()).with(binder -> {
      binder.bind(LanguageServer.class).to(BallotLanguageServer.class);
      binder.bind(LanguageServerImpl.class).to(BallotLanguageServer.class);
      binder.bind(RequestManager.class).to(ReentrantRequestManager.class);
    }));
    BallotLanguageServer server = injector.getInstance(BallotLanguageServer.class);
    AtomicReference<LanguageClient> client = new AtomicReference<>();
    InputStream framed = new ResyncingInputStream(in, problem -> {
      LOG.warn("bad input from the client: " + problem);
      LanguageClient c = client.get();
      if (c != null) {
        c.logMessage(new MessageParams(MessageType.Warning, "ballot lsp: bad input from the client: " + problem));
      }
    });
    Launcher<LanguageClient> launcher = new Launcher.Builder<LanguageClient>()
        .setLocalService(server)
        .setRemoteInterface(LanguageClient.class)
        .setInput(framed)
        .setOutput(out)
        .setExceptionHandler(ErrorResponses::of)
        .wrapMessages(ErrorResponses::withoutExceptions)
        .create();
    client.set(launcher.getRemoteProxy());
    server.connect(launcher.getRemoteProxy());
    return new Running(server, launcher.startListening());
  }
}
