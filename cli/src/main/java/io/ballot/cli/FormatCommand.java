package io.ballot.cli;

import io.ballot.cli.report.DiagnosticPrinter;
import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.FormatResult;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.api.Severity;
import io.ballot.dsl.format.ModelFormatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ballot format MODEL [-i | --check] [--width N]}: pretty-print a model to stdout, rewrite the files in place,
 * or list the files that are not in the canonical layout.
 */
@Command(
    name = "format",
    description = {
      "Pretty-print a model file in ballot's canonical layout, on stdout or (with --in-place) back into the file.",
      "Every comment is kept, and blank lines between declarations, statements and rules; long expressions are"
          + " wrapped before their operators at --width columns.",
      "A rejected model is not formatted: its errors are reported on stderr and the exit code is 3. If the"
          + " formatted text would not have the file's comments, nothing is written and the exit code is 1.",
      "With --check nothing is written: each file not in the canonical layout is named on stdout and the exit code is"
          + " 17 (for CI and pre-commit hooks)."
    })
final class FormatCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(
      names = {"-i", "--in-place"},
      description = "Rewrite each file with its formatted text (files already formatted are left untouched).")
  boolean inPlace;

  @Option(
      names = "--check",
      description = "Write nothing; name each file whose layout is not canonical, and exit with 17 if there is one.")
  boolean check;

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not print warnings (errors are always printed).")
  boolean quiet;

  @Option(
      names = "--width",
      paramLabel = "N",
      description = "Wrap expressions longer than N columns before their operators (default: ${DEFAULT-VALUE}).")
  int width = ModelFormatter.DEFAULT_WIDTH;

  /** The widest {@code --width}: wider is a typo (no line of a model is that long), refused as a usage error. */
  static final int MAX_WIDTH = 10_000;

  @Parameters(
      paramLabel = "MODEL",
      arity = "1..*",
      description = "Murphi model file; several files only with --in-place or --check.")
  List<Path> files;

  FormatCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (inPlace && check) {
      throw new ParameterException(spec.commandLine(), "--in-place and --check cannot be used together");
    }
    if (!inPlace && !check && files.size() > 1) {
      throw new ParameterException(spec.commandLine(),
          "format prints one MODEL to stdout; use --in-place to format several files, or --check to list them");
    }
    if (width < ModelFormatter.MIN_WIDTH || width > MAX_WIDTH) {
      throw new ParameterException(spec.commandLine(),
          "--width must be from " + ModelFormatter.MIN_WIDTH + " to " + MAX_WIDTH + ", not " + width);
    }
    PrintWriter out = spec.commandLine().getOut();
    DiagnosticPrinter printer = new DiagnosticPrinter(spec.commandLine().getErr());
    int exit = ExitCodes.OK;
    boolean unformatted = false;
    for (Path file : files) {
      FormatResult result = context.loader().format(file, width);
      LoadResult load = result.load();
      printer.print(load, !quiet);
      String name = load.file() != null ? load.file() : file.toString();
      if (load.hasErrors()) {
        exit = Math.max(exit, ExitCodes.MODEL_REJECTED);
        continue;
      }
      String formatted = result.formatted();
      if (formatted == null) {
        throw new IllegalStateException("the front end accepted " + file + " but did not format it");
      }
      String lost = CommentCheck.lost(load.source(), formatted);
      if (lost != null) {
        printer.print(new Diagnostic(Severity.ERROR, name, 0, 0, 0,
            "not formatted: the formatted text would lose " + lost
                + " (a bug in ballot format; the file is unchanged)"), null);
        exit = ExitCodes.INTERNAL_ERROR;
        continue;
      }
      if (check) {
        if (!formatted.equals(load.source())) {
          out.println("not formatted: " + name);
          out.flush();
          unformatted = true;
        }
      } else if (!inPlace) {
        out.print(formatted);
        out.flush();
      } else if (!formatted.equals(load.source())) {
        try {
          AtomicFileWriter.write(file, formatted, load.charset()); // as read: UTF-8, or Latin-1
        } catch (IOException e) {
          printer.print(new Diagnostic(Severity.ERROR, name, 0, 0, 0, "cannot write file: " + reason(e)), null);
          exit = Math.max(exit, ExitCodes.MODEL_REJECTED);
        }
      }
    }
    spec.commandLine().getErr().flush();
    return exit == ExitCodes.OK && unformatted ? ExitCodes.NOT_FORMATTED : exit; // a rejected file says more
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
