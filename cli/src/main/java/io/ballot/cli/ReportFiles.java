package io.ballot.cli;

import io.ballot.cli.gate.ModelOutcome;
import io.ballot.cli.report.JUnitReporter;
import io.ballot.cli.report.JsonReporter;
import io.ballot.cli.report.SarifReporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The report files of one {@code check} run ({@code --junit}, {@code --sarif} and, for a run over several models,
 * {@code --json}): opened before any model is checked, so that a bad path fails at once rather than after a long
 * run, and written together at the end from the models' outcomes.
 */
final class ReportFiles implements AutoCloseable {

  /** A report file that cannot be created: which option, the path and why. */
  static final class CannotOpen extends Exception {
    CannotOpen(String option, Path path, String reason) {
      super("cannot write " + option + " file " + path + ": " + reason);
    }
  }

  private final List<AtomicReportWriter> opened = new ArrayList<>();
  private AtomicReportWriter junit;
  private AtomicReportWriter sarif;
  private AtomicReportWriter json;

  private ReportFiles() {}

  /** Starts each report file that is not null; a file is replaced only when its report is complete. */
  static ReportFiles open(String junitFile, String sarifFile, String jsonFile) throws CannotOpen {
    ReportFiles r = new ReportFiles();
    try {
      r.junit = r.open("--junit", junitFile);
      r.sarif = r.open("--sarif", sarifFile);
      r.json = r.open("--json", jsonFile);
      return r;
    } catch (CannotOpen e) {
      r.close();
      throw e;
    }
  }

  private AtomicReportWriter open(String option, String file) throws CannotOpen {
    if (file == null) {
      return null;
    }
    AtomicReportWriter w = openFile(option, Path.of(file));
    opened.add(w);
    return w;
  }

  /**
   * Starts one report file, given with {@code option} ({@link AtomicReportWriter}: the previous file stays until
   * the new report is committed and closed); {@link CannotOpen} says why it cannot be written.
   */
  static AtomicReportWriter openFile(String option, Path path) throws CannotOpen {
    try {
      return AtomicReportWriter.open(path);
    } catch (IOException e) {
      throw new CannotOpen(option, path, e instanceof NoSuchFileException ? "no such directory"
          : e.getMessage() != null && !(e instanceof java.nio.file.FileSystemException) ? e.getMessage() : e.toString());
    }
  }

  /** Writes every report asked for; {@code json} as the several-model shape ({@link JsonReporter#writeGate}). */
  void write(List<ModelOutcome> outcomes, Instant started) {
    try {
      if (junit != null) {
        new JUnitReporter().write(outcomes, started, junit);
        junit.commit();
      }
      if (sarif != null) {
        new SarifReporter(VersionProvider.version(), Path.of("")).write(outcomes, sarif);
        sarif.commit();
      }
      if (json != null) {
        new JsonReporter(VersionProvider.version()).writeGate(outcomes, json);
        json.commit();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a report", e);
    }
  }

  @Override
  public void close() {
    IOException failed = null;
    for (AtomicReportWriter w : opened) {
      try {
        w.close();
      } catch (IOException e) {
        failed = e;
      }
    }
    if (failed != null) {
      throw new UncheckedIOException("cannot finish writing a report", failed);
    }
  }
}
