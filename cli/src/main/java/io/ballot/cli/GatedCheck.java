package io.ballot.cli;

import io.ballot.cli.gate.Expectation;
import io.ballot.cli.gate.ModelOutcome;
import io.ballot.cli.gate.ModelRun;
import io.ballot.cli.gate.ProjectFile;
import io.ballot.cli.gate.ProjectFileException;
import io.ballot.cli.gate.ProjectRoot;
import io.ballot.cli.report.JsonReporter;
import io.ballot.cli.report.TraceMode;
import io.ballot.dsl.settings.CheckSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine.ParameterException;

/**
 * {@code ballot check} over several models: the arguments (model files, directories, project files) become a list
 * of {@link ModelRun}s, {@link GateRun} checks them, and the reports are written. A bad project file is reported
 * at its {@code file:line:col} and exits 2 before any model is checked.
 */
final class GatedCheck {

  private final GateOptions options;
  private final CliContext context;

  GatedCheck(GateOptions options, CliContext context) {
    this.options = options;
    this.context = context;
  }

  /** Whether the arguments ask for a gated run: several of them, a directory or a project file. */
  static boolean isGate(List<Path> files) {
    return files.size() > 1 || Files.isDirectory(files.get(0)) || ProjectFile.isProjectFile(files.get(0));
  }

  int run(PrintWriter out, PrintWriter err, TraceMode traceMode) {
    List<ModelRun> runs;
    try {
      runs = runs();
    } catch (ProjectFileException e) {
      err.println("ballot: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
    // The models a project file lists or a directory holds are inputs too: no report may replace one.
    options.reports().refuseInputs(runs.stream().map(ModelRun::file).toList());
    boolean jsonToStdout = options.reports().jsonToStdout();
    Instant started = Instant.now();
    try (ReportFiles reports = options.reports().open(jsonToStdout ? null : options.reports().json())) {
      GateRun gate = new GateRun(context, jsonToStdout ? null : out, err, traceMode, options.reports().anyFile());
      // Every model is read, and its header, constants and expectation checked, before any is checked.
      List<PreparedModel> models = gate.prepare(runs);
      if (models == null) {
        return ExitCodes.USAGE;
      }
      List<ModelOutcome> outcomes = gate.run(models);
      reports.write(outcomes, started);
      if (jsonToStdout) {
        new JsonReporter(VersionProvider.version()).writeGate(outcomes, out);
      }
      return GateRun.exitCode(outcomes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the JSON report", e);
    }
  }

  /** The models to check, in argument order; a directory's .m files in path order. */
  private List<ModelRun> runs() throws ProjectFileException {
    CheckSettings settings = options.settings();
    Set<String> explicit = options.explicitSettings();
    ModelRun.Given given = options.given();
    ProjectRoot root = projectRoot();
    List<ModelRun> runs = new ArrayList<>();
    for (Path f : options.files()) {
      if (ProjectFile.isProjectFile(f)) {
        runs.addAll(ProjectFile.read(f, root, settings, explicit, given.consts(), options.failOnDeadRules()));
      } else if (Files.isDirectory(f)) {
        List<Path> models = modelsUnder(f);
        if (models.isEmpty()) {
          throw new ParameterException(options.commandLine(), "no .m files under " + f);
        }
        models.forEach(m -> runs.add(ModelRun.of(m, Expectation.HOLDS, options.failOnDeadRules(), given)));
      } else {
        runs.add(ModelRun.of(f, Expectation.HOLDS, options.failOnDeadRules(), given));
      }
    }
    return runs;
  }

  /** The {@code --root} the project files' paths must stay under; null: each project file's directory. */
  private ProjectRoot projectRoot() {
    if (options.root() == null) {
      return null;
    }
    try {
      return ProjectRoot.of(options.root());
    } catch (IOException e) {
      throw new ParameterException(options.commandLine(), "--root " + options.root() + ": " + e.getMessage());
    }
  }

  private static List<Path> modelsUnder(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".m")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
