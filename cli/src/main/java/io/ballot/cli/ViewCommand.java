package io.ballot.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballot.cli.view.ViewerOutput;
import io.ballot.cli.view.ViewerPage;
import io.ballot.cli.view.ViewerServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ballot view RESULT.json}: the trace viewer page for a JSON report, written to a file or served locally. */
@Command(
    name = "view",
    sortOptions = false,
    description = {
      "Make the trace viewer for a JSON report (ballot check --json FILE): one self-contained HTML page with the"
          + " verdict, counts and, for each counterexample, its steps, a state table and a swimlane view.",
      "Writes the page next to the report (RESULT.html) or to -o FILE and prints its path; with --serve, serves it"
          + " on 127.0.0.1 until interrupted. A file that is not a JSON report is rejected with exit code 3."
    })
final class ViewCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the page to FILE.")
  Path output;

  @Option(names = "--serve", description = "Serve the page on http://127.0.0.1 instead of writing it.")
  boolean serve;

  @Option(names = "--port", paramLabel = "N", defaultValue = "0",
      description = "Port for --serve (default: 0, any free port).")
  int port;

  @Parameters(paramLabel = "RESULT", description = "JSON report written by ballot check --json.")
  Path report;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (port < 0 || port > 65535) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "invalid value for --port: '" + port + "' (expected a port from 0 to 65535; 0: any free port)");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String json;
    try {
      json = Files.readString(report, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return reject(err, report + ": error: no such file");
    } catch (IOException e) {
      return reject(err, report + ": error: cannot read: " + e.getMessage());
    }
    String problem = reportProblem(json);
    if (problem != null) {
      return reject(err, problem);
    }
    String page = ViewerPage.html(json);
    if (serve) {
      return serve(page, out, err);
    }
    Path file = output != null ? output : ViewerOutput.besideReport(report);
    if (InputPaths.identity(file).equals(InputPaths.identity(report))) {
      reject(err, file + ": error: refusing to write the page over the report it is made from");
      return ExitCodes.USAGE;
    }
    try (AtomicReportWriter w = AtomicReportWriter.open(file)) {
      w.write(page);
      w.commit();
    } catch (IOException e) {
      return reject(err, file + ": error: cannot write the page: "
          + (e instanceof NoSuchFileException ? "no such directory" : e.getMessage()));
    }
    out.println(file);
    out.flush();
    return ExitCodes.OK;
  }

  /** Serves {@code page} until Ctrl-C (SIGINT), which stops the server and exits 0. */
  private int serve(String page, PrintWriter out, PrintWriter err) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Object previous = SigintHandler.install(stopped::countDown);
    try (ViewerServer server = new ViewerServer(page, port)) {
      out.println("Serving the trace viewer for " + report + " at " + server.uri() + " (Ctrl-C stops)");
      out.flush();
      stopped.await();
      out.println("Stopped serving the trace viewer.");
      out.flush();
      return ExitCodes.OK;
    } catch (IOException e) {
      err.println("ballot: error: cannot serve on 127.0.0.1:" + port + ": " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    } finally {
      SigintHandler.restore(previous);
    }
  }

  /** Null when {@code json} is a JSON report (of one model, or of several with at least one result); else why not. */
  private String reportProblem(String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? report.toString() : report + ":" + at.getLineNr() + ":" + at.getColumnNr();
      return where + ": error: not valid JSON: " + e.getOriginalMessage();
    }
    if (root != null && root.isObject()) {
      if (root.has("verdict")) {
        return null;
      }
      for (JsonNode model : root.path("models")) { // several models (a gated run): each with its result or null
        if (model.path("result").has("verdict")) {
          return null;
        }
      }
    }
    return report + ":1:1: error: not a ballot JSON report (no \"verdict\"; write one with ballot check --json FILE)";
  }

  private static int reject(PrintWriter err, String message) {
    err.println("ballot: " + message);
    err.flush();
    return ExitCodes.MODEL_REJECTED;
  }
}
