package io.ballot.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The report files {@code ballot check} (or {@code simulate}) was asked to write ({@code --json}, {@code --junit}, {@code --sarif},
 * {@code --html}; null: not asked). Paths that cannot be written are usage errors of {@code commandLine}.
 *
 * @param json the JSON report file, or {@code "-"} for stdout
 */
record ReportTargets(String json, String junit, String sarif, Path html, CommandLine commandLine) {

  /** Whether the JSON report replaces the text report on stdout ({@code --json -}). */
  boolean jsonToStdout() {
    return "-".equals(json);
  }

  /** Whether any report is written to a file (stdout's {@code --json -} is not one). */
  boolean anyFile() {
    return (json != null && !jsonToStdout()) || junit != null || sarif != null || html != null;
  }

  /**
   * A report path that names one of {@code inputs} (the arguments; for a gated run also the models the project files
   * list and the directories hold) is a usage error: nothing is written.
   */
  void refuseInputs(List<Path> inputs) {
    String[][] outputs = {{"--json", jsonToStdout() ? null : json}, {"--junit", junit}, {"--sarif", sarif},
        {"--html", html == null ? null : html.toString()}};
    for (String[] o : outputs) {
      if (o[1] == null) {
        continue;
      }
      Path out = InputPaths.identity(Path.of(o[1]));
      for (Path in : inputs) {
        if (out.equals(InputPaths.identity(in))) {
          throw new ParameterException(commandLine, "refusing to write the " + o[0] + " report to " + o[1]
              + ": it is an input of this check, which would be overwritten");
        }
      }
    }
  }

  /**
   * Opens the {@code --json} file before the run (null when none is asked for, or it goes to stdout); failing to is
   * a usage error.
   */
  AtomicReportWriter openJsonFile() {
    if (json == null || jsonToStdout()) {
      return null;
    }
    try {
      return ReportFiles.openFile("--json", Path.of(json));
    } catch (ReportFiles.CannotOpen e) {
      throw new ParameterException(commandLine, e.getMessage());
    }
  }

  /**
   * Opens the {@code --junit} and {@code --sarif} files and {@code jsonFile} (null: none) before the check;
   * failing to is a usage error.
   */
  ReportFiles open(String jsonFile) {
    try {
      return ReportFiles.open(junit, sarif, jsonFile);
    } catch (ReportFiles.CannotOpen e) {
      throw new ParameterException(commandLine, e.getMessage());
    }
  }
}
