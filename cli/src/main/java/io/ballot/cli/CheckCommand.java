package io.ballot.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.checkpoint.CheckpointException;
import io.ballot.checker.StoreChoice;
import io.ballot.checker.checkpoint.CheckpointPlan;
import io.ballot.checker.explore.disk.StoreDirectory;
import io.ballot.checker.checkpoint.Checkpointer;
import io.ballot.checker.checkpoint.Fingerprint;
import io.ballot.checker.checkpoint.Manifest;
import io.ballot.cluster.SparkCheckpoint;
import io.ballot.checker.SoundnessFailure;
import io.ballot.checker.state.StateLayout;
import io.ballot.checker.symmetry.SymmetryReduction;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.cli.gate.Expectation;
import io.ballot.cli.gate.ModelOutcome;
import io.ballot.cli.gate.ModelRun;
import io.ballot.cli.report.JsonReporter;
import io.ballot.cli.report.TraceMode;
import io.ballot.cli.view.ViewerPage;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.settings.CheckSettings;
import io.ballot.dsl.settings.ConstOverride;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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
          + " code says what was found: 0 all properties hold, 3 model rejected, 4 a resource limit or Ctrl-C stopped"
          + " the search, 7 a checkpoint --resume refused,"
          + " 10 invariant, 11 assertion/error, 12 deadlock, 13 cover never hit, 14 liveness.",
      "Takes Rumur's verifier options under the same names; its code-generation options are accepted and ignored.",
      "A model may set these options in its header, comment lines such as '-- ballot: deadlock-detection off' or"
          + " '-- ballot: const N=3' (see docs/language.md); the project file and the command line override them.",
      "Given several models, directories or a project file (ballot.yaml, see docs/ci.md), checks each model in"
          + " turn against its expected outcome and exits 0 only when every one met it (else 1, 3, 4, 15 or 16).",
      ""
    })
final class CheckCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(
      names = {"-t", "--threads"},
      paramLabel = "N",
      description = "Worker threads, 0 to 256 (default: all available cores; 0 means the same).")
  String threads;

  @Option(
      names = "--memory",
      paramLabel = "SIZE",
      defaultValue = "0",
      description =
          "Memory for the search, e.g. 512M, 4G, 100K or a number of bytes, at most what the JVM heap holds; when it"
              + " nears, continue on disk (--store auto) or stop with exit 4 and the partial counts (--store"
              + " memory) (default: 0, 70%% of the free heap, which the"
              + " launcher sizes to the machine's memory less an eighth; the start line prints the figure).")
  String memory;

  @Option(
      names = "--hash-compaction",
      paramLabel = "BITS",
      defaultValue = "0",
      description =
          "Keep only a BITS-bit signature (24 to 64, e.g. 40) of each state already expanded, as CMurphi's -b:"
              + " a fraction of the memory, but a state may be missed; the verdict then holds probabilistically,"
              + " with Stern and Dill's bound on that probability (default: 0, an exact search).")
  String hashCompaction;

  @Option(
      names = "--compact-states",
      paramLabel = "auto|on|off",
      defaultValue = "auto",
      description = "How an exact search keeps the expanded states of over 63 bits (narrower ones are always kept as"
          + " bare values): on (tree-compressed from the start: the fewest bytes, some 10 to 20%% more CPU), off (full"
          + " records indexed by id throughout: the fastest) or auto (records while they fit in half the memory"
          + " limit, then tree-compressed; default: auto).")
  String compactStates;

  @Option(
      names = "--store",
      paramLabel = "auto|memory|disk[:DIR]",
      defaultValue = "auto",
      description = "Where the states are kept: memory (stop with exit 4 at the memory limit), disk (files in a"
          + " new directory under DIR, kept, or under the temporary directory, removed at the end; exact, with"
          + " sequential disk access) or auto: in memory, continued on disk from a level boundary when the memory"
          + " limit nears"
          + " (default: ${DEFAULT-VALUE}). Not with liveness properties or --hash-compaction. Checkpoints of either"
          + " store resume on either.")
  String store;

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
      description = "Stop with exit 4 after this many seconds, at most 31536000 (default: 0, no limit).")
  String timeLimit;

  @Option(
      names = "--engine",
      paramLabel = "compiled|interpreted|spark",
      defaultValue = "compiled",
      description = "Run the model's rules as compiled JVM code (a search starts on the interpreter and moves to"
          + " the compiled code once it grows), or on the reference interpreter only (slower; the same results, for"
          + " checking the compiler), or explore on an Apache Spark cluster (compiled; under spark-submit, see"
          + " docs/cluster.md). Default: ${DEFAULT-VALUE}.")
  String engine;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "With --engine spark: the Spark master (local[N], spark://HOST:PORT, yarn, k8s://...); default:"
          + " spark-submit's, else local[*].")
  String master;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      defaultValue = "0",
      description = "With --engine spark: partitions of the state sets (default: 0, twice Spark's default"
          + " parallelism).")
  int partitions;

  @Option(
      names = "--const",
      paramLabel = "NAME=VALUE",
      description = "Replace the value of the model's global constant NAME (an integer, true/false or an enum member),"
          + " as if the model declared it so; repeatable. Overrides the model's header and the project file.")
  List<String> consts = new ArrayList<>();

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the result as JSON to FILE; '-' writes it to stdout instead of the text report.")
  String json;

  @Option(
      names = "--junit",
      paramLabel = "FILE",
      description = "Also write JUnit XML (one test case per property per model) to FILE.")
  String junit;

  @Option(
      names = "--sarif",
      paramLabel = "FILE",
      description = "Also write SARIF 2.1.0 (a result per violation, its counterexample as a code flow) to FILE.")
  String sarif;

  @Option(
      names = "--fail-on-dead-rules",
      description = "Fail (exit 16) when a rule never fires in a complete search, instead of only warning.")
  boolean failOnDeadRules;

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

  Path root;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "Let the project files' paths name files anywhere under DIR (default: each project file's own"
          + " directory tree; a path outside is refused).")
  void root(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ParameterException(spec.commandLine(), "--root " + dir + ": no such directory");
    }
    root = dir;
  }

  @Option(
      names = "--checkpoint",
      paramLabel = "DIR",
      description = "Write a checkpoint into DIR (created if missing) at level boundaries, every --checkpoint-every"
          + " and when the run ends or is stopped (time limit, memory limit, Ctrl-C), to continue it later with"
          + " --resume DIR. Not with liveness properties.")
  Path checkpoint;

  @Option(
      names = "--checkpoint-every",
      paramLabel = "DURATION",
      defaultValue = "5m",
      description = "How often --checkpoint writes: at the first level boundary after this long, e.g. 30s, 10m, 2h"
          + " or seconds (0: every level). Default: ${DEFAULT-VALUE}.")
  String checkpointEvery;

  @Option(
      names = "--resume",
      paramLabel = "DIR",
      description = "Continue the run checkpointed in DIR, with any --threads, --memory and --time-limit, to the"
          + " result an uninterrupted run gives, with either --store (a checkpoint written on disk resumes in"
          + " memory and the other way round); checkpoints go on into DIR. Refused (exit 7) when DIR was written"
          + " for another model, other constants or other options that change the search, or is damaged.")
  Path resume;

  @Option(
      names = "--x-compile-after",
      hidden = true,
      paramLabel = "STATES",
      description = "For benchmarking: interpret until STATES states are expanded, then compile (0: compile before"
          + " the search).")
  Integer xCompileAfter;

  @Option(
      names = "--x-parents",
      hidden = true,
      paramLabel = "least|first",
      description = "For benchmarking: least (the default, deterministic counterexamples) or first (no tracking:"
          + " counterexamples may differ between runs on several threads).")
  String xParents;

  @Option(
      names = "--x-wide-store",
      hidden = true,
      paramLabel = "auto|tree|records",
      description = "For benchmarking jars older than --compact-states: auto, tree (--compact-states on) or"
          + " records (--compact-states off); given, it overrides --compact-states.")
  String xWideStore;

  /** Read through the parse result (to warn in command-line order); the group only gives them a help section. */
  @ArgGroup(
      exclusive = false,
      validate = false,
      heading = "%nRumur code-generation options (accepted for compatibility, ignored with a warning):%n")
  RumurCodeGeneration ignored;

  @Parameters(
      paramLabel = "MODEL",
      arity = "1..*",
      description = "Murphi model file; or several, directories (their .m files) or a project file (.yaml, .yml).")
  List<Path> files;

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
    return context.stoppingOnSigint(this::check);
  }

  private int check() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CheckOptions parsed = options(); // a bad option value is a usage error before any model is read
    CheckpointPlan plan = checkpointPlan();
    context.useStore(storeChoice(parsed), spec.commandLine().getParseResult().hasMatchedOption("--store"));
    refuseOutputsThatAreInputs();
    TraceMode traceMode = choice("--counterexample-trace", counterexampleTrace, TraceMode.class);
    warnIgnoredOptions(err);
    if ("spark".equals(engine)) {
      if (GatedCheck.isGate(files)) {
        throw new ParameterException(spec.commandLine(), "--engine spark checks one model at a time");
      }
      if (!SparkEngine.sparkPresent()) {
        err.println(SparkEngine.HOW_TO_RUN);
        err.flush();
        return ExitCodes.USAGE;
      }
      context.useCluster(new SparkEngine(master, partitions));
    } else if (master != null || partitions != 0) {
      throw new ParameterException(spec.commandLine(), "--master and --partitions apply only to --engine spark");
    }
    if (!"interpreted".equals(engine)) {
      startCompilerWarmUp();
    }
    if (GatedCheck.isGate(files)) {
      if (plan != null) {
        throw new ParameterException(spec.commandLine(), "--checkpoint and --resume take one model");
      }
      if (html != null) {
        throw new ParameterException(spec.commandLine(),
            "--html writes the viewer of one model's result; with several models, write --json and run ballot view");
      }
      return new GatedCheck(gateOptions(), context).run(out, err, traceMode);
    }
    Path file = files.get(0);
    Instant started = Instant.now();
    // The report files are opened before the check, so that a bad path fails at once rather than after a long run.
    try (ReportFiles reports = reportTargets().open(null)) {
      PreparedModel prepared = PreparedModel.prepare(context.loader(), ModelRun.of(file, Expectation.HOLDS,
          failOnDeadRules, given()));
      int refused = prepared.refusal(err, reports, started);
      if (refused != ExitCodes.OK) {
        return refused;
      }
      LoadResult load = prepared.load();
      ModelRun run = benchmarkSwitches(prepared.run());
      String name = prepared.name();
      Model model = load.model();
      if (model == null) {
        throw new IllegalStateException("the front end accepted " + file + " but gave no model");
      }
      String unsupported = context.cluster() == null ? null
          : run.options().hashCompactionBits() > 0 ? "--hash-compaction applies to the local search, not to --engine spark"
          : SparkEngine.unsupported(model);
      if (unsupported != null) {
        err.println("ballot: " + name + ": " + unsupported);
        err.flush();
        return ExitCodes.USAGE;
      }
      String refusal = HashCompactionRefusal.of(model, run.options());
      if (refusal == null && context.store().kind() == StoreChoice.Kind.DISK) {
        refusal = Checker.diskRefusal(model, run.options());
      }
      if (refusal != null) {
        throw new ParameterException(spec.commandLine(), refusal);
      }
      String notice = CompactStatesNotice.of(model, run.options());
      if (notice != null) {
        err.println("ballot: warning: " + notice);
        err.flush();
      }
      return checkOne(run, name, load, model, reports, started, traceMode, out, err, plan);
    }
  }

  /**
   * The {@code --store} choice; a bad value, a directory that cannot be written (with its path) or a combination
   * the disk store does not take is a usage error (exit 2).
   */
  private StoreChoice storeChoice(CheckOptions options) {
    StoreChoice choice;
    try {
      choice = StoreChoice.parse(store == null ? "auto" : store);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (choice.kind() == StoreChoice.Kind.DISK) {
      if (options.hashCompactionBits() > 0) {
        throw new ParameterException(spec.commandLine(),
            "--store disk keeps every state exactly; it cannot be used with --hash-compaction");
      }
      if ("spark".equals(engine)) {
        throw new ParameterException(spec.commandLine(), "--store disk applies to the local search, not to --engine spark");
      }
    }
    Path dir = choice.dir() != null ? choice.dir()
        : choice.kind() == StoreChoice.Kind.DISK ? Path.of(System.getProperty("java.io.tmpdir")) : null;
    if (dir != null) {
      String why = StoreDirectory.unwritable(dir);
      if (why != null) {
        throw new ParameterException(spec.commandLine(), "--store " + choice + ": " + why);
      }
    }
    return choice;
  }

  /** The checkpoint options as a plan (null: none); a bad one is a usage error. */
  private CheckpointPlan checkpointPlan() {
    try {
      return CheckpointOptions.plan(checkpoint, resume, checkpointEvery,
          spec.commandLine().getParseResult().hasMatchedOption("--checkpoint-every"));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Checks the one model of a run that is not a gate and writes its reports; returns the exit code. */
  private int checkOne(ModelRun run, String name, LoadResult load, Model model, ReportFiles reports, Instant started,
      TraceMode traceMode, PrintWriter out, PrintWriter err, CheckpointPlan plan) {
    boolean jsonToStdout = "-".equals(json);
    Manifest resumed = null;
    if (plan != null) {
      if (run.options().hashCompactionBits() > 0) {
        err.println("ballot: " + name + ": --checkpoint and --resume need every state's record, which --hash-compaction"
            + " drops: use one or the other");
        return ExitCodes.USAGE;
      }
      try {
        Checker.refuseLiveness(model);
        if (context.cluster() != null) {
          context.useCluster(context.cluster().withCheckpoint(
              SparkCheckpoint.open(plan, Fingerprint.of(model, run.options()))));
        } else {
          resumed = Checkpointer.check(plan, Fingerprint.of(model, run.options()));
        }
      } catch (CheckpointException e) {
        err.println("ballot: " + name + ": " + e.getMessage());
        return CheckpointOptions.exitCode(e);
      }
    }
    try (AtomicReportWriter jsonFile = reportTargets().openJsonFile()) {
      // The same text as one model of a gated run; with --json -, the JSON report instead.
      GateRun text = new GateRun(context, jsonToStdout ? null : out, err, traceMode, reportTargets().anyFile());
      ModelOutcome outcome = text.checkLoaded(run, name, load, model, System.nanoTime(), plan, resumed);
      Result result = outcome.result();
      if (plan != null && result.verdict() == Verdict.INCOMPLETE && context.cluster() != null) {
        err.printf("ballot: checkpoint: continue with: ballot check --engine spark %s --resume %s%n", name,
            plan.dir());
        err.flush();
      } else if (plan != null && result.verdict() == Verdict.INCOMPLETE) {
        CheckpointOptions.printContinue(plan, name, err);
      }
      if (json != null || html != null) {
        // Built once for --json and --html alike (it holds the model's whole source).
        JsonReporter jsonReporter = new JsonReporter(VersionProvider.version()).withModel(model, load.source());
        ObjectNode report = jsonReporter.toJson(result, name, outcome.symmetryMode(), outcome.reducedOver());
        if (jsonToStdout) {
          jsonReporter.write(report, out);
        } else if (jsonFile != null) {
          jsonReporter.write(report, jsonFile);
          jsonFile.commit();
        }
        if (html != null) {
          ViewerPage.write(report, html);
        }
      }
      reports.write(List.of(outcome), started);
      int code = exitCode(result, err);
      return code == ExitCodes.OK && outcome.failedOnlyOnDeadRules() ? ExitCodes.DEAD_RULES : code;
    } catch (SoundnessFailure e) {
      err.println("ballot: " + name + ": soundness failure: " + e.getMessage());
      return ExitCodes.SOUNDNESS_FAILURE;
    } catch (CheckpointException e) {
      err.println("ballot: " + name + ": " + e.getMessage());
      return CheckpointOptions.exitCode(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the JSON report to " + json, e);
    }
  }

  /** What symmetry reduction applies to in this run (scalarset names, then {@code multisets}); empty: nothing. */
  static List<String> reducedOver(Model model, CheckOptions options) {
    if (options.symmetry() == CheckOptions.Symmetry.OFF || SymmetryReduction.unsoundLiveness(model) != null) {
      return List.of();
    }
    SymmetryReduction s = SymmetryReduction.of(new StateLayout(model), options.symmetry());
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
  static String symmetryNote(String mode, List<String> what) {
    if (what.isEmpty()) {
      return "";
    }
    String list = what.size() == 1 ? what.get(0)
        : String.join(", ", what.subList(0, what.size() - 1)) + " and " + what.get(what.size() - 1);
    return mode + " over " + list;
  }

  /** Warms the Java compiler up on a spare core while the front end reads the model (a second or so saved). */
  private static void startCompilerWarmUp() {
    if (Runtime.getRuntime().availableProcessors() > 1) {
      Thread t = new Thread(io.ballot.checker.compile.ModelCompiler::warmUp, "ballot-javac-warm-up");
      t.setDaemon(true);
      t.start();
    }
  }

  /** 0 when every property holds; by the first violation's kind when violated; 4 when a limit stopped the run. */
  static int exitCode(Result result, PrintWriter err) {
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
  private CheckOptions options() {
    try {
      return settings().toOptions();
    } catch (CheckSettings.InvalidValue e) {
      throw new ParameterException(spec.commandLine(), e.message("--"));
    }
  }

  /** {@code run} with the hidden benchmarking switches ({@code --x-...}) applied over its options. */
  private ModelRun benchmarkSwitches(ModelRun run) {
    CheckOptions o = run.options();
    if (xCompileAfter != null) {
      if (xCompileAfter < 0) {
        throw new ParameterException(spec.commandLine(), "--x-compile-after takes a number of states >= 0");
      }
      o = o.withCompileAfter(xCompileAfter);
    }
    if (xParents != null) {
      o = o.withParents(choice("--x-parents", xParents, CheckOptions.Parents.class));
    }
    if (xWideStore != null) {
      o = o.withWideStore(choice("--x-wide-store", xWideStore, CheckOptions.WideStore.class));
    }
    return o == run.options() ? run
        : new ModelRun(run.file(), o, run.expect(), run.failOnDeadRules(), run.given());
  }

  /** The checker's options as given on the command line (or their defaults), as text. */
  private CheckSettings settings() {
    return CheckSettings.defaults()
        .with("threads", threads == null ? "0" : threads)
        .with("memory", memory)
        .with("deadlock-detection", deadlock)
        .with("bound", bound)
        .with("max-errors", maxErrors)
        .with("symmetry-reduction", symmetry)
        .with("time-limit", timeLimit)
        .with("engine", "spark".equals(engine) ? "compiled" : engine)
        .with("hash-compaction", hashCompaction)
        .with("compact-states", compactStates);
  }

  /** What the command line sets over a model's header: its explicit options and its {@code --const}s. */
  private ModelRun.Given given() {
    Map<String, String> values = new LinkedHashMap<>();
    CheckSettings all = settings();
    for (String key : explicitSettings()) {
      values.put(key, all.get(key));
    }
    return new ModelRun.Given(values, constOverrides(), null);
  }

  /** The {@code --const NAME=VALUE}s, in order; a malformed one is a usage error. */
  List<ConstOverride> constOverrides() {
    return constOverrides(consts, spec.commandLine());
  }

  /** {@code consts} ({@code NAME=VALUE}s, in order) parsed; a malformed one is a usage error of {@code cl}. */
  static List<ConstOverride> constOverrides(List<String> consts, CommandLine cl) {
    List<ConstOverride> list = new ArrayList<>();
    for (String c : consts) {
      try {
        list.add(ConstOverride.parse(c, "--const " + c));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(cl, "invalid value for --const: " + e.getMessage());
      }
    }
    return list;
  }

  /** The option keys (of {@link CheckSettings#KEYS}) given explicitly on the command line. */
  private Set<String> explicitSettings() {
    Set<String> given = new LinkedHashSet<>();
    for (String key : CheckSettings.KEYS) {
      if (spec.commandLine().getParseResult().hasMatchedOption("--" + key)
          || (key.equals("threads") && spec.commandLine().getParseResult().hasMatchedOption("-t"))) {
        given.add(key);
      }
    }
    return given;
  }

  /** The report files the command line asks for. */
  private ReportTargets reportTargets() {
    return new ReportTargets(json, junit, sarif, html, spec.commandLine());
  }

  /** What a gated run of the arguments is given (the options are valid: {@link #options} was called). */
  private GateOptions gateOptions() {
    return new GateOptions(
        files, root, settings(), explicitSettings(), given(), failOnDeadRules, reportTargets(), spec.commandLine());
  }

  /** One of an enum's constants, written in lower case (e.g. {@code stuck}). */
  private <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
    try {
      return CheckSettings.choice(option.substring(2), value, type);
    } catch (CheckSettings.InvalidValue e) {
      throw new ParameterException(spec.commandLine(), e.message("--"));
    }
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
    ModelCheck.warn(err, message);
  }

  /** A report path that names one of the inputs (a model or project file) is a usage error: nothing is written. */
  private void refuseOutputsThatAreInputs() {
    reportTargets().refuseInputs(files);
  }
}
