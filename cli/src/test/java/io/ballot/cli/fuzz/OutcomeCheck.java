package io.ballot.cli.fuzz;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run of {@code ballot} on a mutant may do: exit 0, 3 or 4, or (check) a violation code 10-19, or 2 for a
 * bad {@code -- ballot:} header line, with a clean message: no stack trace, no exception name, every diagnostic at a
 * {@code file:line:col} inside the file. Anything else is a {@link Problem}.
 */
final class OutcomeCheck {

  private static final Pattern HEADLINE = Pattern.compile("^(.*?):(\\d+):(\\d+): (error|warning): .*$");
  private static final Pattern TRACE =
      Pattern.compile("(?m)^\\s+at [\\w$.<>/]+\\(|\\bat io\\.ballot\\.|\\b[A-Z]\\w*(Exception|Error)\\b|\\bjava\\.\\w+\\.");

  private OutcomeCheck() {}

  /**
   * A run that broke the contract. {@code kind} names its class (the same bug gives the same kind, whatever the
   * mutant), {@code detail} what the run printed.
   */
  record Problem(String kind, String detail) {}

  /** The problem with {@code run} of {@code command} on {@code mutant} (at {@code path}), or null when none. */
  static Problem problem(String command, Mutant mutant, String path, InProcessBallot.Run run) {
    String output = run.out() + run.err();
    if (run.hung()) {
      return new Problem(command + ": no answer (hang)", output);
    }
    if (run.thrown() != null) {
      return new Problem(command + ": Main.run threw " + run.thrown(), stack(run.thrown()));
    }
    int code = run.exitCode();
    String text = mutant.text();
    boolean allowed = code == 0 || code == 3 || code == 4 || command.equals("check") && code >= 10 && code <= 19
        || command.equals("check") && code == 2 && headerError(run.err(), path);
    if (!allowed) {
      return new Problem(command + ": exit " + code + ": " + firstLine(run.err(), path), output);
    }
    Matcher trace = TRACE.matcher(output);
    while (trace.find()) {
      if (!text.contains(trace.group().strip())) {
        return new Problem(command + ": exit " + code + " printed '" + trace.group().strip() + "': "
            + firstLine(run.err(), path), output);
      }
    }
    String where = locations(run.err(), path, text);
    if (where != null) {
      return new Problem(command + ": " + where, output);
    }
    if (code == 3 && !text.isBlank()
        && !HEADLINE.matcher(run.err().lines().findFirst().orElse("")).matches()) {
      return new Problem(command + ": a rejection without file:line:col: " + firstLine(run.err(), path), output);
    }
    return null;
  }

  /** Exit 2 from check is right only for a bad {@code -- ballot:} header line, reported at its place. */
  private static boolean headerError(String err, String path) {
    return err.lines().anyMatch(l -> l.startsWith(path + ":") && HEADLINE.matcher(l).matches());
  }

  /**
   * The first diagnostic of {@code err} about {@code path} whose line or column is outside the file, described;
   * null when all are inside. A line ends at LF, CR LF or CR: a position is inside if it is under either convention.
   */
  private static String locations(String err, String path, String text) {
    String[] lf = text.split("\n", -1);
    String[] any = text.split("\r\n|\r|\n", -1);
    for (String line : err.split("\n")) {
      Matcher h = HEADLINE.matcher(line);
      if (!h.matches() || !h.group(1).equals(path)) {
        continue;
      }
      int l = Integer.parseInt(h.group(2));
      int c = Integer.parseInt(h.group(3));
      if (!inside(lf, l, c) && !inside(any, l, c)) {
        return "a diagnostic outside the file (" + Math.max(lf.length, any.length) + " lines): "
            + line.substring(path.length());
      }
    }
    return null;
  }

  private static boolean inside(String[] lines, int l, int c) {
    return l >= 1 && l <= lines.length && c >= 1 && c <= lines[l - 1].length() + 1;
  }

  /** The first line of {@code err} (of ballot's own, if any: not a diagnostic), without the mutant's path and with numbers as '#', to name a class of bug. */
  static String firstLine(String err, String path) {
    String first = err.lines().filter(l -> l.startsWith("ballot: ")).findFirst()
        .orElse(err.lines().filter(l -> !l.isBlank()).findFirst().orElse("(nothing on stderr)"));
    return first.replace(path, "MUTANT").replaceAll("\\d+", "#");
  }

  static String stack(Throwable t) {
    java.io.StringWriter s = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(s));
    return s.toString();
  }
}
