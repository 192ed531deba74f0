package io.ballot.cli;

import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.FormatResult;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.api.Severity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Test helper: runs {@link Main#run} in-process and captures what it printed. */
record Cli(int exitCode, String out, String err) {

  /** Runs with the real front end. */
  static Cli run(String... args) {
    return run(ModelLoader::frontEnd, args);
  }

  /** Runs with a fake front end: {@code load} gives each file's result; format echoes the source when accepted. */
  static Cli run(Function<Path, LoadResult> load, String... args) {
    ModelLoader fake =
        new ModelLoader() {
          @Override
          public LoadResult load(Path file) {
            return load.apply(file);
          }

          @Override
          public FormatResult format(Path file, int width) {
            LoadResult r = load.apply(file);
            return new FormatResult(r, r.hasErrors() ? null : "formatted " + r.source());
          }
        };
    return run(() -> fake, args);
  }

  static Cli run(Supplier<ModelLoader> loaders, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            loaders);
    return new Cli(code, text(out), text(err));
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  static LoadResult accepted(Path file, String source, Diagnostic... warnings) {
    return new LoadResult(file.toString(), source, null, List.of(warnings));
  }

  static LoadResult rejected(Path file, String source, Diagnostic... diagnostics) {
    return new LoadResult(file.toString(), source, null, List.of(diagnostics));
  }

  static Diagnostic error(Path file, int line, int column, int length, String message) {
    return new Diagnostic(Severity.ERROR, file.toString(), line, column, length, message);
  }

  static Diagnostic warning(Path file, int line, int column, int length, String message) {
    return new Diagnostic(Severity.WARNING, file.toString(), line, column, length, message);
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
