package io.ballot.cli;

import io.ballot.dsl.ide.server.LanguageServers;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ballot lsp}: the language server on stdin/stdout (JSON-RPC), for VS Code and any LSP client. Runs until
 * the client sends {@code exit} or closes the connection. Everything else the JVM would print goes to stderr.
 */
@Command(
    name = "lsp",
    description = {
      "Run the Murphi language server on stdin and stdout (Language Server Protocol), for editors such as"
          + " VS Code: diagnostics, hover, go to definition, references, rename, completion, formatting, outline,"
          + " folding, semantic colouring and a background \"Check model\" command.",
      "Started by the editor, not by hand; see docs/editors.md."
    })
final class LspCommand implements Callable<Integer> {
  private final InputStream in;
  private final OutputStream out;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--stdio", description = "Talk over stdin and stdout (the default and only transport).")
  boolean stdio;

  /** The server on the process's stdin and stdout. */
  LspCommand() {
    this(null, null);
  }

  /** The server on the given streams (tests); null means stdin and stdout. */
  LspCommand(InputStream in, OutputStream out) {
    this.in = in;
    this.out = out;
  }

  /**
   * Whether {@code args} ({@code lsp}, or {@code lsp --stdio}) only start the server on stdio, as editors do: then
   * {@link Main#main} runs it at once, without building picocli's command tree for every command (a fifth of the
   * time to {@code initialize} measured on a loaded machine). Anything else ({@code lsp --help}, a typo) goes
   * through picocli as before.
   */
  static boolean startsTheServer(String[] args) {
    return args.length >= 1 && args.length <= 2 && args[0].equals("lsp")
        && (args.length == 1 || args[1].equals("--stdio"));
  }

  /** Serves on stdin and stdout until the client exits; the exit code (an internal error is reported on stderr). */
  static int serve() {
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    try {
      return new LspCommand().call();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.OK;
    } catch (RuntimeException | Error e) {
      return Failures.internalError(e, err, false);
    } finally {
      err.flush();
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    InputStream input = in;
    OutputStream output = out;
    if (input == null) {
      // stdout carries the protocol: anything else printed there would corrupt it.
      PrintStream protocol = System.out;
      System.setOut(System.err);
      input = System.in;
      output = protocol;
    }
    LanguageServers.Running running = LanguageServers.start(input, output);
    try {
      running.listening().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof LanguageServers.StartFailure failure) {
        throw failure; // reported as an internal error by serve()
      }
      // The connection closed: the client went away.
    } catch (CancellationException e) {
      // The connection closed: the client went away.
    }
    return ExitCodes.OK;
  }
}
