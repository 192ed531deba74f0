package io.ballot.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.ir.Model;
import io.ballot.checker.simulate.Simulation;
import io.ballot.checker.simulate.SimulationOptions;
import io.ballot.checker.simulate.SimulationResult;
import io.ballot.cli.gate.Expectation;
import io.ballot.cli.gate.ModelOutcome;
import io.ballot.cli.gate.ModelRun;
import io.ballot.cli.report.JsonReporter;
import io.ballot.cli.report.ProgressLine;
import io.ballot.cli.report.SimulationReporter;
import io.ballot.cli.report.TraceMode;
import io.ballot.cli.view.ViewerPage;
import io.ballot.dsl.settings.CheckSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ballot simulate MODEL}: random walks over a model too large for an exhaustive search, every visited state
 * checked; a violation is reported as {@code check} reports one (with the same exit codes and report files), and no
 * violation is not a proof (exit 4; docs/simulate.md).
 */
@Command(
    name = "simulate",
    sortOptions = false,
    description = {
      "Run random walks over a model on all cores, checking every state visited: invariants, assertions and error"
          + " statements, deadlock; covers are counted. For models no exhaustive search can finish.",
      "Each walk is seeded from --seed and its number, and favours its own rules (a swarm): the same seed and walk"
          + " count give the same walks, violation and counts on any number of threads.",
      "A violation's walk is shortened while it still violates and printed as check prints a counterexample; the exit"
          + " code is check's: 10 invariant, 11 assertion/error, 12 deadlock. No violation found is not a proof:"
          + " exit 4, 'no violation found in N walks of depth D (not a proof)'.",
      ""
    })
final class SimulateCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--walks", paramLabel = "N", description = "Walks to run, 1 to 10^12 (default: 10000).")
  String walks;

  @Option(names = "--depth", paramLabel = "D", description = "Rule firings per walk at most, 1 to 10^7"
      + " (default: 1000); a walk ends earlier in a state with no successor that changes it.")
  String depth;

  @Option(names = "--seed", paramLabel = "S", description = "The run's seed, 0 to 2^63-1 (default: 1).")
  String seed;

  @Option(names = {"-t", "--threads"}, paramLabel = "N",
      description = "Walker threads, 0 to 256 (default: all available cores; 0 means the same).")
  String threads;

  @Option(names = "--deadlock-detection", paramLabel = "off|stuck|stuttering",
      description = "As for check (default: stuttering, or the model's header).")
  String deadlock;

  @Option(names = "--time-limit", paramLabel = "SECONDS",
      description = "Stop after this many seconds, at most 31536000, and report the walks run (exit 4 if no"
          + " violation was found).")
  String timeLimit;

  @Option(names = "--engine", paramLabel = "compiled|interpreted", description = "As for check (default: compiled).")
  String engine;

  @Option(names = "--const", paramLabel = "NAME=VALUE", description = "As for check; repeatable.")
  List<String> consts = new ArrayList<>();

  @Option(names = "--counterexample-trace", paramLabel = "full|diff|off", defaultValue = "diff",
      description = "As for check. Default: ${DEFAULT-VALUE}.")
  String counterexampleTrace;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Also write the result as JSON, with a 'simulation' object; '-': on stdout instead of the text.")
  String json;

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML, as check does.")
  String junit;

  @Option(names = "--sarif", paramLabel = "FILE", description = "Also write SARIF 2.1.0, as check does.")
  String sarif;

  @Option(names = "--html", paramLabel = "FILE", description = "Also write the trace viewer, as check does.")
  Path html;

  @Parameters(paramLabel = "MODEL", description = "Murphi model file.")
  Path file;

  SimulateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    return context.stoppingOnSigint(this::simulate);
  }

  private int simulate() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long walkCount = number("--walks", walks, SimulationOptions.DEFAULT_WALKS, 1, SimulationOptions.MAX_WALKS);
    int maxDepth = (int) number("--depth", depth, SimulationOptions.DEFAULT_DEPTH, 1, SimulationOptions.MAX_DEPTH);
    long seedValue = number("--seed", seed, SimulationOptions.DEFAULT_SEED, 0, Long.MAX_VALUE);
    TraceMode traceMode = SimulationReporter.traceMode(counterexampleTrace, spec.commandLine());
    ModelRun.Given given = given();
    refuseOutputsThatAreInputs();
    Instant started = Instant.now();
    try (ReportFiles reports = reportTargets().open(null)) {
      PreparedModel prepared =
          PreparedModel.prepare(context.loader(), ModelRun.of(file, Expectation.HOLDS, false, given));
      int refused = prepared.refusal(err, reports, started);
      if (refused != ExitCodes.OK) {
        return refused;
      }
      SimulationOptions options = new SimulationOptions(walkCount, maxDepth, seedValue, prepared.run().options());
      return simulate(prepared, options, reports, started, traceMode, out, err);
    }
  }

  private int simulate(PreparedModel prepared, SimulationOptions options, ReportFiles reports, Instant started,
      TraceMode traceMode, PrintWriter out, PrintWriter err) {
    boolean jsonToStdout = "-".equals(json);
    PrintWriter text = jsonToStdout ? null : out;
    Model model = prepared.load().model();
    String name = prepared.name();
    SimulationReporter reporter = new SimulationReporter(text, traceMode);
    reporter.start(name, options);
    ProgressLine line = new ProgressLine(err, context.errIsTerminal());
    ProgressListener progress = ModelCheck.listener(line, context::interrupted);
    SimulationResult s;
    try (AtomicReportWriter jsonFile = reportTargets().openJsonFile()) { // a bad path fails before the walks
      try {
        s = Simulation.run(model, options, progress, w -> ModelCheck.warn(err, w));
      } finally {
        line.finish();
      }
      reporter.print(s);
      writeJsonAndViewer(s, model, prepared, jsonFile, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the JSON report to " + json, e);
    }
    reports.write(List.of(new ModelOutcome(prepared.run(), name, prepared.load(), model, s.result(), "off",
        List.of(), null, null, s.result().seconds())), started);
    return CheckCommand.exitCode(s.result(), err);
  }

  /** The {@code --json} report (a check's, with a {@code simulation} object) and the {@code --html} viewer. */
  private void writeJsonAndViewer(SimulationResult s, Model model, PreparedModel prepared, AtomicReportWriter jsonFile,
      PrintWriter out) {
    if (json == null && html == null) {
      return;
    }
    JsonReporter reporter = new JsonReporter(VersionProvider.version()).withModel(model, prepared.load().source());
    ObjectNode report = SimulationReporter.withSimulation(reporter.toJson(s.result(), prepared.name(), "off",
        List.of()), s);
    try {
      if ("-".equals(json)) {
        reporter.write(report, out);
      } else if (jsonFile != null) {
        reporter.write(report, jsonFile);
        jsonFile.commit();
      }
      if (html != null) {
        ViewerPage.write(report, html);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException("cannot write a report: " + e.getMessage(), e));
    }
  }

  /** A count option: plain decimal digits from {@code min} to {@code max}; absent, {@code otherwise}. */
  private long number(String option, String value, long otherwise, long min, long max) {
    if (value == null) {
      return otherwise;
    }
    try {
      if (value.matches("\\d{1,19}")) {
        long v = Long.parseLong(value);
        if (v >= min && v <= max) {
          return v;
        }
      }
    } catch (NumberFormatException e) {
      // out of long's range: the message below
    }
    throw new ParameterException(spec.commandLine(), "invalid value for " + option + ": '" + value
        + "' (expected an integer from " + min + " to " + max + ")");
  }

  /** What the command line sets over the model's header: the options check shares, validated as check does. */
  private ModelRun.Given given() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("threads", threads);
    values.put("deadlock-detection", deadlock);
    values.put("time-limit", timeLimit);
    values.put("engine", engine);
    values.values().removeIf(java.util.Objects::isNull);
    CheckSettings settings = CheckSettings.defaults().withAll(values);
    try {
      values.keySet().forEach(settings::validate);
    } catch (CheckSettings.InvalidValue e) {
      throw new ParameterException(spec.commandLine(), e.message("--"));
    }
    return new ModelRun.Given(values, CheckCommand.constOverrides(consts, spec.commandLine()), null);
  }

  /** The report files asked for, checked and opened as check's are. */
  private ReportTargets reportTargets() {
    return new ReportTargets(json, junit, sarif, html, spec.commandLine());
  }

  /** A report that would replace the model, or the {@code --html} file in a missing directory: a usage error. */
  private void refuseOutputsThatAreInputs() {
    reportTargets().refuseInputs(List.of(file));
    Path dir = html == null ? null : html.toAbsolutePath().getParent();
    if (html != null && (dir == null || !Files.isDirectory(dir))) {
      throw new ParameterException(spec.commandLine(), "cannot write --html file " + html + ": no such directory");
    }
  }
}
