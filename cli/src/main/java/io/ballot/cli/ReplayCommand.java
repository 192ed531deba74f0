package io.ballot.cli;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.replay.LogEvent;
import io.ballot.checker.replay.ReplayOptions;
import io.ballot.checker.replay.ReplayResult;
import io.ballot.checker.replay.Replayer;
import io.ballot.checker.ts.TransitionSystem;
import io.ballot.cli.replay.LogError;
import io.ballot.cli.replay.ReplayJson;
import io.ballot.cli.replay.ReplayLogs;
import io.ballot.cli.replay.ReplayMapping;
import io.ballot.cli.replay.ReplaySarif;
import io.ballot.cli.replay.ReplayViewer;
import io.ballot.cli.view.ViewerPage;
import io.ballot.cli.replay.ReplayText;
import io.ballot.cli.report.DiagnosticPrinter;
import io.ballot.dsl.api.LoadResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ballot replay MODEL LOG...}: whether some execution of the model produces a system's logs. */
@Command(
    name = "replay",
    sortOptions = false,
    description = {
      "Check a real system's event logs (JSON lines, one event per line; '-' is standard input) against the model:"
          + " accepted when some execution of the model produces them (several logs: in some interleaving that keeps"
          + " each log's order), otherwise the first event the model forbids, at LOG:LINE, and why.",
      "Exits 0 when accepted, 20 when rejected, 6 for a log or mapping file in error, 3 for a rejected model, 4 when"
          + " a limit stopped the replay. The log format and the mapping file: docs/replay.md."
    })
final class ReplayCommand implements Callable<Integer> {
  private static final int MAX_FRONTIER_LIMIT = 100_000_000;

  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--mapping", paramLabel = "FILE",
      description = "YAML file mapping the system's event, field, value and variable names to the model's.")
  Path mapping;

  @Option(names = "--silent", paramLabel = "RULE",
      description = "A rule that may fire without a log line (repeatable; also 'silent:' in the mapping).")
  List<String> silent = new ArrayList<>();

  @Option(names = "--silent-steps", paramLabel = "K",
      description = "At most K silent rules fire between two log lines (default: the mapping's, else 1 when there"
          + " are silent rules).")
  Integer silentSteps;

  @Option(names = "--max-frontier", paramLabel = "N", defaultValue = "1000000",
      description = "Stop (exit 4) when more than N states are consistent with the log at once (default: 1000000).")
  int maxFrontier;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the outcome as JSON to FILE.")
  Path json;

  @Option(names = "--sarif", paramLabel = "FILE",
      description = "Also write SARIF 2.1.0 to FILE: a rejection at the log line, the model's places as related"
          + " locations.")
  Path sarif;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Also write the trace viewer page for the accepted prefix, each step beside its log line.")
  Path html;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "20",
      description = "Show the last N steps of the accepted prefix of a rejected log (default: 20; 0: none).")
  int steps;

  @Option(names = "--symmetry-reduction", paramLabel = "on|off", defaultValue = "on",
      description = "Keep one candidate state per orbit of the scalarset permutations that fix every value the logs"
          + " named so far (default: on; the verdict is the same, the frontier smaller).")
  String symmetry;

  @Option(names = "--engine", paramLabel = "compiled|interpreted", defaultValue = "compiled",
      description = "How the model's rules run: compiled (default) or interpreted.")
  String engine;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The Murphi model.")
  Path model;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "LOG", description = "JSON-lines logs; '-' reads stdin.")
  List<String> logs;

  ReplayCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    checkOptions();
    List<AtomicReportWriter> opened = new ArrayList<>();
    try {
      AtomicReportWriter jsonOut = open("--json", json, opened);
      AtomicReportWriter sarifOut = open("--sarif", sarif, opened);
      AtomicReportWriter htmlOut = open("--html", html, opened);
      return replay(jsonOut, sarifOut, htmlOut);
    } finally {
      for (AtomicReportWriter w : opened) {
        w.close(); // an uncommitted report is discarded, leaving the previous one
      }
    }
  }

  /** Replays the logs and writes the reports given (null: not asked for); the exit code. */
  private int replay(AtomicReportWriter jsonOut, AtomicReportWriter sarifOut, AtomicReportWriter htmlOut) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReplayMapping map;
    try {
      map = mapping == null ? ReplayMapping.NONE : ReplayMapping.read(mapping);
    } catch (LogError e) {
      err.println(e.render());
      return ExitCodes.LOG_INVALID;
    }
    LoadResult load = context.loader().load(model);
    new DiagnosticPrinter(err).print(load, false);
    if (load.hasErrors() || load.model() == null) {
      return ExitCodes.MODEL_REJECTED;
    }
    TransitionSystem ts = Checker.transitions(load.model(),
        "interpreted".equals(engine) ? CheckOptions.Engine.INTERPRETED : CheckOptions.Engine.COMPILED).system();
    ReplayLogs replayLogs = new ReplayLogs(map, ts, load.model());
    List<List<LogEvent>> events;
    try {
      events = replayLogs.read(logs, System.in);
    } catch (LogError e) {
      err.println(e.render());
      return ExitCodes.LOG_INVALID;
    }
    Set<String> silentRules = new LinkedHashSet<>(map.silent());
    silentRules.addAll(silent);
    for (String s : silentRules) {
      if (!replayLogs.hasRule(s)) {
        err.println((silent.contains(s) ? "ballot: invalid value for --silent" : String.valueOf(mapping))
            + ": error: the model has no rule '" + s + "'");
        return silent.contains(s) ? ExitCodes.USAGE : ExitCodes.LOG_INVALID;
      }
    }
    int k = silentSteps != null ? silentSteps : map.silentSteps() != null ? map.silentSteps()
        : silentRules.isEmpty() ? 0 : 1;
    ReplayOptions options = new ReplayOptions(silentRules, k, maxFrontier, "on".equals(symmetry));
    ReplayResult result = context.stoppingOnSigint(() ->
        new Replayer(ts, load.model(), options).replay(events, context::interrupted));
    new ReplayText(out, load.source(), steps).print(result, logs.size());
    try {
      if (jsonOut != null) {
        new ReplayJson(VersionProvider.version()).write(result, model.toString(), logs, jsonOut);
        jsonOut.commit();
      }
      if (sarifOut != null) {
        new ReplaySarif(VersionProvider.version(), Path.of("")).write(result, model.toString(), sarifOut);
        sarifOut.commit();
      }
      if (htmlOut != null) {
        htmlOut.write(ViewerPage.html(ReplayViewer.report(result, model.toString(), load.model(), load.source(),
            VersionProvider.version()).toString()));
        htmlOut.commit();
      }
    } catch (IOException e) {
      err.println("ballot: cannot write a report: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    return switch (result.verdict()) {
      case ACCEPTED -> ExitCodes.OK;
      case REJECTED -> ExitCodes.REPLAY_REJECTED;
      case INCOMPLETE -> ExitCodes.RESOURCE_LIMIT;
    };
  }

  /**
   * Starts report file {@code path} of {@code option} before the replay, as {@code check} does, so that a report
   * that cannot be written is a usage error found before any work; null when the option was not given.
   */
  private AtomicReportWriter open(String option, Path path, List<AtomicReportWriter> opened) {
    if (path == null) {
      return null;
    }
    try {
      AtomicReportWriter w = ReportFiles.openFile(option, path);
      opened.add(w);
      return w;
    } catch (ReportFiles.CannotOpen e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private void checkOptions() {
    if (silentSteps != null && (silentSteps < 0 || silentSteps > 1000)) {
      throw new ParameterException(spec.commandLine(), "--silent-steps must be from 0 to 1000, not " + silentSteps);
    }
    if (maxFrontier < 1 || maxFrontier > MAX_FRONTIER_LIMIT) {
      throw new ParameterException(spec.commandLine(),
          "--max-frontier must be from 1 to " + MAX_FRONTIER_LIMIT + ", not " + maxFrontier);
    }
    if (steps < 0) {
      throw new ParameterException(spec.commandLine(), "--steps must be 0 or more, not " + steps);
    }
    if (!symmetry.equals("on") && !symmetry.equals("off")) {
      throw new ParameterException(spec.commandLine(), "--symmetry-reduction must be on or off, not " + symmetry);
    }
    if (!engine.equals("compiled") && !engine.equals("interpreted")) {
      throw new ParameterException(spec.commandLine(), "--engine must be compiled or interpreted, not " + engine);
    }
    for (Path out : new Path[] {json, sarif, html}) {
      if (out == null) {
        continue;
      }
      List<Path> inputs = new ArrayList<>();
      inputs.add(model);
      if (mapping != null) {
        inputs.add(mapping);
      }
      logs.stream().filter(l -> !l.equals("-")).forEach(l -> inputs.add(Path.of(l)));
      for (Path in : inputs) {
        if (InputPaths.identity(out).equals(InputPaths.identity(in))) {
          throw new ParameterException(spec.commandLine(), out + " names an input (" + in + "); it would be replaced");
        }
      }
    }
  }
}
