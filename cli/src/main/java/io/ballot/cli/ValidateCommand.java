package io.ballot.cli;

import io.ballot.cli.report.DiagnosticPrinter;
import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.settings.ModelHeader;
import io.ballot.dsl.api.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ballot validate MODEL...}: parse and check each model, report its diagnostics; exit 3 if any is rejected. */
@Command(
    name = "validate",
    description = {
      "Parse, resolve and type-check model files and report every error and warning on stderr.",
      "Exits with 0 when every file is accepted (warnings allowed), 3 when any file is rejected."
    })
final class ValidateCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print a line per file on stdout: 'MODEL: ok (N warnings)' or 'MODEL: rejected (...)'.")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not print warnings (errors are always printed).")
  boolean quiet;

  @Parameters(paramLabel = "MODEL", arity = "1..*", description = "Murphi model files.")
  List<Path> files;

  ValidateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DiagnosticPrinter printer = new DiagnosticPrinter(spec.commandLine().getErr());
    boolean rejected = false;
    for (Path file : files) {
      LoadResult result = withHeaderErrors(context.loader().load(file));
      printer.print(result, !quiet);
      rejected |= result.hasErrors();
      if (verbose) {
        String name = result.file() != null ? result.file() : file.toString();
        out.println(name + ": " + summary(result));
        out.flush();
      }
    }
    return rejected ? ExitCodes.MODEL_REJECTED : ExitCodes.OK;
  }

  /** {@code result} with the errors of the model's {@code -- ballot:} header lines added, in line order. */
  private static LoadResult withHeaderErrors(LoadResult result) {
    if (result.source() == null || result.file() == null) {
      return result;
    }
    ModelHeader header = ModelHeader.parse(result.file(), result.source());
    if (!header.hasErrors()) {
      return result;
    }
    List<Diagnostic> all = new ArrayList<>(result.diagnostics());
    all.addAll(header.errors());
    all.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
    return new LoadResult(result.file(), result.source(), result.model(), List.copyOf(all), result.charset());
  }

  private static String summary(LoadResult result) {
    long errors = count(result, Severity.ERROR);
    long warnings = count(result, Severity.WARNING);
    return errors > 0
        ? "rejected (" + plural(errors, "error") + ", " + plural(warnings, "warning") + ")"
        : "ok (" + plural(warnings, "warning") + ")";
  }

  private static long count(LoadResult result, Severity severity) {
    return result.diagnostics().stream().filter(d -> d.severity() == severity).count();
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
