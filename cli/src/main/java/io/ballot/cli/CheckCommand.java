package io.ballot.cli;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.state.StateLayout;
import io.ballot.checker.symmetry.Symmetry;
import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.Checker;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.cli.report.DiagnosticPrinter;
import io.ballot.cli.report.JsonReporter;
import io.ballot.cli.report.ProgressLine;
import io.ballot.cli.report.TextReporter;
import io.ballot.cli.report.TraceMode;
import io.ballot.cli.view.ViewerPage;
import io.ballot.dsl.api.LoadResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ballot check MODEL}: load a model, explore its state space and report the verdict, with Rumur's verifier
 * options under Rumur's names. The exit code says what was found (see {@link ExitCodes}).
 */
@Command(
    name = "check",
    sortOptions = false,
    description = {
      "Explore every reachable state of a model and check its properties: invariants, assertions and error"
          + " statements, deadlock, covers and liveness.",
      "Prints the verdict, the counts and, for each violation, the shortest counterexample on stdout. The exit"
          + " code says what was found: 0 all properties hold, 3 model rejected, 4 a resource limit was hit,"
          + " 10 invariant, 11 assertion/error, 12 deadlock, 13 cover never hit, 14 liveness.",
      "Takes Rumur's verifier options under the same names; its code-generation options are accepted and ignored.",
      ""
    })
final class CheckCommand implements Callable<Integer> {

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);

  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(
      names = {"-t", "--threads"},
      paramLabel = "N",
      description = "Worker threads (default: all available cores; 0 means the same).")
  String threads;

  @Option(
      names = "--memory",
      paramLabel = "SIZE",
      defaultValue = "0",
      description =
          "Memory for the states, e.g. 512M, 4G, 100K or a number of bytes; stop with exit 4 when it is full"
              + " (default: 0, most of the JVM heap).")
  String memory;

  @Option(
      names = "--deadlock-detection",
      paramLabel = "off|stuck|stuttering",
      defaultValue = "stuttering",
      description =
          "Report a state where no rule is enabled (stuck), or where no enabled rule changes the state"
              + " (stuttering), or neither (off). Default: ${DEFAULT-VALUE}.")
  String deadlock;

  @Option(
      names = "--bound",
      paramLabel = "N",
      defaultValue = "0",
      description = "Explore only states at most N steps from a start state (default: 0, no bound).")
  String bound;

  @Option(
      names = "--max-errors",
      paramLabel = "N",
      defaultValue = "1",
      description = "Stop after N violations (default: ${DEFAULT-VALUE}).")
  String maxErrors;

  @Option(
      names = "--counterexample-trace",
      paramLabel = "full|diff|off",
      defaultValue = "diff",
      description =
          "Print each counterexample state in full, only the variables each step changed (diff), or not at all."
              + " Default: ${DEFAULT-VALUE}.")
  String counterexampleTrace;

  @Option(
      names = "--symmetry-reduction",
      paramLabel = "off|heuristic|exhaustive",
      defaultValue = "heuristic",
      description = "Reduce the states by the symmetry of named scalarsets and the order of multiset elements:"
          + " heuristic (fast; usually one state per orbit), exhaustive (exactly one state per orbit) or off."
          + " Default: ${DEFAULT-VALUE}.")
  String symmetry;

  @Option(
      names = "--time-limit",
      paramLabel = "SECONDS",
      defaultValue = "0",
      description = "Stop with exit 4 after this many seconds (default: 0, no limit).")
  String timeLimit;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the result as JSON to FILE; '-' writes it to stdout instead of the text report.")
  String json;

  Path html;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Also write the trace viewer to FILE: a self-contained HTML page of the result (see ballot view).")
  void html(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new ParameterException(spec.commandLine(), "cannot write --html file " + file + ": no such directory");
    }
    html = file;
  }

  /** Read through the parse result (to warn in command-line order); the group only gives them a help section. */
  @ArgGroup(
      exclusive = false,
      validate = false,
      heading = "%nRumur code-generation options (accepted for compatibility, ignored with a warning):%n")
  RumurCodeGeneration ignored;

  @Parameters(paramLabel = "MODEL", description = "Murphi model file.")
  Path file;

  /** Rumur's options that only shape the C code it generates: nothing to do for ballot. */
  static final class RumurCodeGeneration {
    @Option(names = "--value-type", paramLabel = "TYPE", description = "C type of scalar values.")
    String valueType;

    @Option(names = "--scalarset-schedules", paramLabel = "on|off", description = "Track scalarset schedules.")
    String scalarsetSchedules;

    @Option(names = "--sandbox", paramLabel = "on|off", description = "Sandbox the verifier.")
    String sandbox;

    @Option(names = "--pack-state", paramLabel = "on|off", description = "Bit-pack the state.")
    String packState;

    @Option(names = "--reorder-fields", paramLabel = "on|off", description = "Reorder state fields.")
    String reorderFields;

    @Option(names = "--pointer-bits", paramLabel = "N", description = "Bits of a pointer.")
    String pointerBits;

    @Option(names = {"--colour", "--color"}, paramLabel = "on|off|auto", description = "Coloured output.")
    String colour;

    @Option(names = "--output-format", paramLabel = "FORMAT", description = "Verifier output format.")
    String outputFormat;

    @Option(names = "--trace", paramLabel = "CATEGORY", description = "Trace the verifier's internals.")
    List<String> trace;

    @Option(names = "--set-capacity", paramLabel = "N", description = "Initial seen-set capacity.")
    String setCapacity;

    @Option(names = "--set-expand-threshold", paramLabel = "N", description = "Seen-set expansion threshold.")
    String setExpandThreshold;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where Rumur writes its C code.")
    String output;
  }

  CheckCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CheckOptions options = options();
    TraceMode traceMode = choice("--counterexample-trace", counterexampleTrace, TraceMode.class);
    warnIgnoredOptions(err);
    startCompilerWarmUp();
    LoadResult load = context.loader().load(file);
    new DiagnosticPrinter(err).print(load, true);
    if (load.hasErrors()) {
      return ExitCodes.MODEL_REJECTED;
    }
    Model model = load.model();
    if (model == null) {
      throw new IllegalStateException("the front end accepted " + file + " but gave no model");
    }
    boolean jsonToStdout = "-".equals(json);
    String name = load.file() != null ? load.file() : file.toString();
    // The JSON file is opened before the check, so that a bad path fails at once rather than after a long run.
    try (Writer jsonFile = json != null && !jsonToStdout ? openJson(Path.of(json)) : null) {
      List<String> reducedOver = reducedOver(model, options);
      String mode = reducedOver.isEmpty() ? "off" : options.symmetry().name().toLowerCase(Locale.ROOT);
      if (!jsonToStdout) {
        out.println(TextReporter.startLine(name, options.threads(), symmetryNote(mode, reducedOver)));
        out.flush();
      }
      Result result = check(model, options, err);
      JsonReporter jsonReporter = new JsonReporter(VersionProvider.version()).withModel(model, load.source());
      if (jsonToStdout) {
        jsonReporter.write(result, name, mode, reducedOver, out);
      } else {
        new TextReporter(out, traceMode).print(result);
        if (jsonFile != null) {
          jsonReporter.write(result, name, mode, reducedOver, jsonFile);
        }
      }
      if (html != null) {
        ViewerPage.write(jsonReporter.toJson(result, name, mode, reducedOver), html);
      }
      return exitCode(result, err);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the JSON report to " + json, e);
    }
  }

  /** What symmetry reduction applies to in this run (scalarset names, then {@code multisets}); empty: nothing. */
  private static List<String> reducedOver(Model model, CheckOptions options) {
    if (options.symmetry() == CheckOptions.Symmetry.OFF || Symmetry.unsoundLiveness(model) != null) {
      return List.of();
    }
    Symmetry s = Symmetry.of(new StateLayout(model), options.symmetry());
    if (!s.reduces()) {
      return List.of();
    }
    List<String> what = new ArrayList<>(s.scalarsets());
    if (s.hasMultisets()) {
      what.add("multisets");
    }
    return what;
  }

  /** E.g. {@code heuristic over node, data and multisets}; empty when nothing is reduced. */
  private static String symmetryNote(String mode, List<String> what) {
    if (what.isEmpty()) {
      return "";
    }
    String list = what.size() == 1 ? what.get(0)
        : String.join(", ", what.subList(0, what.size() - 1)) + " and " + what.get(what.size() - 1);
    return mode + " over " + list;
  }

  /** Warms the Java compiler up on a spare core while the front end reads the model (a second or so saved). */
  private static void startCompilerWarmUp() {
    if (Runtime.getRuntime().availableProcessors() > 1 && !Boolean.getBoolean("ballot.interpret")) {
      Thread t = new Thread(io.ballot.checker.compile.ModelCompiler::warmUp, "ballot-javac-warm-up");
      t.setDaemon(true);
      t.start();
    }
  }

  /** Runs the checker with a progress line; a JVM error raised on a worker thread is rethrown as is (exit 4). */
  private Result check(Model model, CheckOptions options, PrintWriter err) {
    ProgressLine progress = new ProgressLine(err, context.errIsTerminal());
    try {
      return Checker.check(model, options, progress, w -> warn(err, w));
    } catch (RuntimeException e) {
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        if (t instanceof StackOverflowError || t instanceof OutOfMemoryError) {
          throw (VirtualMachineError) t;
        }
      }
      throw e;
    } finally {
      progress.finish();
    }
  }

  /** 0 when every property holds; by the first violation's kind when violated; 4 when a limit stopped the run. */
  private static int exitCode(Result result, PrintWriter err) {
    if (result.verdict() == Verdict.HOLDS) {
      return ExitCodes.OK;
    }
    if (result.verdict() == Verdict.INCOMPLETE || result.violations().isEmpty()) {
      err.println(
          "ballot: stopped: "
              + result.stopReason()
              + String.format(
                  Locale.ROOT,
                  " (after %d states, %d rules fired, depth %d, %.2f s)",
                  result.states(),
                  result.rulesFired(),
                  result.depth(),
                  result.seconds()));
      err.flush();
      return ExitCodes.RESOURCE_LIMIT;
    }
    Violation first = result.violations().get(0);
    return switch (first.kind()) {
      case INVARIANT -> ExitCodes.INVARIANT_VIOLATED;
      case ASSERTION -> ExitCodes.ASSERTION_FAILED;
      case DEADLOCK -> ExitCodes.DEADLOCK;
      case COVER -> ExitCodes.COVER_NOT_REACHED;
      case LIVENESS -> ExitCodes.LIVENESS_VIOLATED;
    };
  }

  // ------------------------------------------------------------------------------------------ options

  /** The checker's options from the command line; a bad value is a usage error (exit 2). */
  CheckOptions options() {
    int n = integer("--threads", threads == null ? "0" : threads, 0);
    if (n == 0) {
      n = Runtime.getRuntime().availableProcessors();
    }
    long memoryBytes = size("--memory", memory);
    DeadlockMode deadlockMode = choice("--deadlock-detection", deadlock, DeadlockMode.class);
    int depthBound = integer("--bound", bound, 0);
    int errors = integer("--max-errors", maxErrors, 1);
    double seconds = seconds("--time-limit", timeLimit);
    CheckOptions.Symmetry symmetryMode = choice("--symmetry-reduction", symmetry, CheckOptions.Symmetry.class);
    return new CheckOptions(n, memoryBytes, deadlockMode, depthBound, errors, seconds, null, symmetryMode);
  }

  private ParameterException invalid(String option, String value, String expected) {
    return new ParameterException(
        spec.commandLine(), "invalid value for " + option + ": '" + value + "' (expected " + expected + ")");
  }

  private int integer(String option, String value, int min) {
    String expected = min == 0 ? "a non-negative integer" : min == 1 ? "a positive integer" : "an integer >= " + min;
    try {
      int v = Integer.parseInt(value.strip());
      if (v < min) {
        throw invalid(option, value, expected);
      }
      return v;
    } catch (NumberFormatException e) {
      throw invalid(option, value, expected);
    }
  }

  private double seconds(String option, String value) {
    try {
      double v = Double.parseDouble(value.strip());
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw invalid(option, value, "a non-negative number of seconds");
      }
      return v;
    } catch (NumberFormatException e) {
      throw invalid(option, value, "a non-negative number of seconds");
    }
  }

  /** A size: a number of bytes, or with a binary suffix K, M, G or T (an optional B or iB may follow). */
  long size(String option, String value) {
    Matcher m = SIZE.matcher(value.strip());
    String expected = "a size such as 512M, 4G, 100K or a number of bytes";
    if (!m.matches()) {
      throw invalid(option, value, expected);
    }
    int shift =
        switch (m.group(2).toUpperCase(Locale.ROOT)) {
          case "K" -> 10;
          case "M" -> 20;
          case "G" -> 30;
          case "T" -> 40;
          default -> 0;
        };
    try {
      long n = Long.parseLong(m.group(1));
      if (n > (Long.MAX_VALUE >> shift)) {
        throw invalid(option, value, expected);
      }
      return n << shift;
    } catch (NumberFormatException e) {
      throw invalid(option, value, expected);
    }
  }

  /** One of an enum's constants, written in lower case (e.g. {@code stuck}). */
  private <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
    List<String> names =
        Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    int i = names.indexOf(value.strip().toLowerCase(Locale.ROOT));
    if (i < 0) {
      String expected =
          "one of " + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
      throw invalid(option, value, expected);
    }
    return type.getEnumConstants()[i];
  }

  /** One warning per Rumur code-generation option given, in command-line order. */
  private void warnIgnoredOptions(PrintWriter err) {
    Set<String> seen = new LinkedHashSet<>();
    for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
      if (o.group() != null && seen.add(o.longestName())) {
        warn(err, o.longestName() + " only concerns the C code Rumur generates; ignored");
      }
    }
  }

  private static void warn(PrintWriter err, String message) {
    err.println("ballot: warning: " + message);
    err.flush();
  }

  /** Opens (creates or truncates) the JSON report file; failing to is a usage error. */
  private Writer openJson(Path path) {
    try {
      return Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      String reason = e instanceof NoSuchFileException ? "no such directory" : e.toString();
      throw new ParameterException(spec.commandLine(), "cannot write --json file " + path + ": " + reason);
    }
  }
}
