package io.ballot.dsl.ide.server;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import io.ballot.dsl.ide.server.jsonrpc.ErrorResponses;
import io.ballot.dsl.ide.server.jsonrpc.ResyncingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.log4j.Logger;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.concurrent.RequestManager;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.ResourceServiceProviderServiceLoader;

/**
 * Starts Ballot's language server on a pair of streams (stdio for {@code ballot lsp}, pipes in tests).
 *
 * <p>Start-up runs on three threads at once, so that an editor is answered before the server is built: one
 * answers {@code initialize} from static capabilities ({@link EarlyInitialize}); one loads the languages (the
 * Murphi language's own injector and its EMF registration, the longest part); one builds the server's injector
 * and then, once both others are done, the server itself, which reads every message in order from the first
 * (requests that arrive meanwhile wait in the input, and are answered as they always were).
 */
public final class LanguageServers {
  private static final Logger LOG = Logger.getLogger(LanguageServers.class);

  private LanguageServers() {}

  /** A running server, built in the background: {@link #server()} waits for it. */
  public static final class Running {
    private final CompletableFuture<BallotLanguageServer> server;
    private final CompletableFuture<Future<Void>> listening;

    private Running(CompletableFuture<BallotLanguageServer> server, CompletableFuture<Future<Void>> listening) {
      this.server = server;
      this.listening = listening;
    }

    /** The server, once built (waits for it); throws {@link StartFailure} if it could not be built. */
    public BallotLanguageServer server() {
      try {
        return server.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the language server was starting", e);
      } catch (ExecutionException e) {
        throw new StartFailure(e.getCause());
      }
    }

    /** Whether the server is built (tests: which requests arrived before it was). */
    boolean built() {
      return server.isDone();
    }

    /**
     * Completes when the input ends or the connection closes; fails with a {@link StartFailure} as its cause when
     * the server could not be built. Cancelling it stops listening (or the start, if it is still under way).
     */
    public Future<Void> listening() {
      return new Listening(listening);
    }
  }

  /** The language server could not be built (an internal error: the client gets no answer at all). */
  public static final class StartFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StartFailure(Throwable cause) {
      super("the language server could not start: " + cause, cause);
    }
  }

  /**
   * Classes the language's setup needs whose loading and static initialisation are long (the ANTLR parsers' and
   * lexers' tables): initialised on another thread while the others build the injectors. Initialising a class is
   * safe from any thread (the JVM runs each initialiser once) and these initialisers only build their own tables;
   * EMF's packages are not among them, as their initialisers write EMF's global package registry, which is not
   * thread-safe (only the languages' thread initialises them).
   */
  private static final List<String> HEAVY = List.of(
      "io.ballot.dsl.parser.antlr.internal.InternalMurphiParser",
      "io.ballot.dsl.parser.antlr.lexer.InternalMurphiLexer",
      "io.ballot.dsl.ide.contentassist.antlr.internal.InternalMurphiParser",
      "io.ballot.dsl.ide.contentassist.antlr.lexer.InternalMurphiLexer");

  private static void preload() {
    ClassLoader loader = LanguageServers.class.getClassLoader();
    daemon("ballot-lsp-preload", () -> {
      for (String name : HEAVY) {
        try {
          Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
          LOG.debug("not preloaded: " + name + ": " + e);
        }
      }
    });
  }

  /**
   * Creates a fresh server (its own injector and languages) and starts serving JSON-RPC on the streams; returns at
   * once (the server is built in the background, see the class comment). A badly framed message is skipped and
   * reported (stderr and {@code window/logMessage}); a failed request is answered without a stack trace.
   */
  public static Running start(InputStream in, OutputStream out) {
    preload();
    AtomicReference<LanguageClient> client = new AtomicReference<>();
    ResyncingInputStream framed = new ResyncingInputStream(in, problem -> {
      LOG.warn("bad input from the client: " + problem);
      LanguageClient c = client.get();
      if (c != null) {
        c.logMessage(new MessageParams(MessageType.Warning, "ballot lsp: bad input from the client: " + problem));
      }
    });
    EarlyInitialize early = new EarlyInitialize();
    CompletableFuture<Void> answered = new CompletableFuture<>();
    CompletableFuture<Future<Void>> listening = new CompletableFuture<>();
    daemon("ballot-lsp-initialize", () -> {
      try {
        early.answer(framed, out);
      } catch (IOException | RuntimeException e) {
        LOG.debug("initialize not answered early: " + e);
      }
      answered.complete(null);
      // Stays until the session ends: a PipedInputStream (the streams of tests and of ArchiveTraining) reports a
      // broken pipe to its reader once the last thread that wrote to it has ended, and the next writer (the real
      // server) may not write for a while.
      try {
        listening.get().get();
      } catch (InterruptedException | ExecutionException | java.util.concurrent.CancellationException e) {
        // the session ended
      }
    });
    CompletableFuture<IResourceServiceProvider.Registry> languages = new CompletableFuture<>();
    daemon("ballot-lsp-languages", () -> {
      try {
        languages.complete(new ResourceServiceProviderServiceLoader().get());
      } catch (RuntimeException | Error e) {
        languages.completeExceptionally(e);
      }
    });
    CompletableFuture<BallotLanguageServer> server = new CompletableFuture<>();
    daemon("ballot-lsp-start", () -> {
      try {
        Injector injector = Guice.createInjector(Modules.override(new ServerModule()).with(binder -> {
          binder.bind(LanguageServer.class).to(BallotLanguageServer.class);
          binder.bind(LanguageServerImpl.class).to(BallotLanguageServer.class);
          binder.bind(RequestManager.class).to(ReentrantRequestManager.class);
          binder.bind(IResourceServiceProvider.Registry.class).toProvider(
              (com.google.inject.Provider<IResourceServiceProvider.Registry>) languages::join);
        }));
        BallotLanguageServer s = injector.getInstance(BallotLanguageServer.class);
        answered.join(); // nothing is read or written before the early answer is out
        Launcher<LanguageClient> launcher = new Launcher.Builder<LanguageClient>()
            .setLocalService(s)
            .setRemoteInterface(LanguageClient.class)
            .setInput(framed)
            .setOutput(out)
            .setExceptionHandler(ErrorResponses::of)
            .wrapMessages(consumer -> consumer instanceof StreamMessageConsumer
                ? early.dropRealAnswer(ErrorResponses.withoutExceptions(consumer))
                : ErrorResponses.withoutExceptions(consumer))
            .create();
        client.set(launcher.getRemoteProxy());
        s.connect(launcher.getRemoteProxy());
        server.complete(s);
        synchronized (listening) {
          if (!listening.isCancelled()) {
            listening.complete(launcher.startListening());
          }
        }
      } catch (RuntimeException | Error e) {
        LOG.error("the language server could not start", e);
        server.completeExceptionally(e);
        listening.completeExceptionally(new StartFailure(e));
      }
    });
    return new Running(server, listening);
  }

  private static void daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
  }

  /** The listening future of a server that may not be built yet. */
  private record Listening(CompletableFuture<Future<Void>> inner) implements Future<Void> {
    @Override
    public boolean cancel(boolean mayInterrupt) {
      synchronized (inner) {
        if (inner.cancel(mayInterrupt)) {
          return true;
        }
      }
      return !inner.isCompletedExceptionally() && inner.join().cancel(mayInterrupt);
    }

    @Override
    public boolean isCancelled() {
      return inner.isCancelled() || (inner.isDone() && !inner.isCompletedExceptionally()
          && inner.join().isCancelled());
    }

    @Override
    public boolean isDone() {
      return inner.isDone() && (inner.isCompletedExceptionally() || inner.join().isDone());
    }

    @Override
    public Void get() throws InterruptedException, ExecutionException {
      return inner.get().get();
    }

    @Override
    public Void get(long timeout, java.util.concurrent.TimeUnit unit)
        throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
      long deadline = System.nanoTime() + unit.toNanos(timeout);
      Future<Void> f = inner.get(timeout, unit);
      return f.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }
}
