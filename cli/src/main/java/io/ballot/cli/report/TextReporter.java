package io.ballot.cli.report;

import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.CoverCount;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.result.messages.TraceLines;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of a check for people, on stdout:
 *
 * <pre>
 * Checking peterson.m with 2 threads...
 *
 * Violation: invariant "mutual exclusion" at peterson.m:40:1
 *   invariant "mutual exclusion" failed
 * Step 1: Startstate 1
 *   state[0]: idle
 *   ...
 * Step 2: enter, p: 0
 *   state[0]: critical
 * End of the counterexample (2 steps).
 *
 * Result: invariant "mutual exclusion" violated.
 * States: 1234  Rules fired: 5678  Depth: 12  Time: 0.41 s  (3010 states/s)
 * cover "x was true" hit 1 times
 * </pre>
 *
 * The first line is {@link #startLine}, printed before the check starts. Each violation has a header (its kind,
 * property and location), its message, and its trace as chosen by {@link TraceMode}. Reads only the result.
 */
public final class TextReporter {

  private final PrintWriter out;
  private final TraceMode traceMode;

  public TextReporter(PrintWriter out, TraceMode traceMode) {
    this.out = Objects.requireNonNull(out);
    this.traceMode = Objects.requireNonNull(traceMode);
  }

  /** {@code Checking MODEL with N threads...}, the line printed when a check starts. */
  public static String startLine(String model, int threads) {
    return startLine(model, threads, null);
  }

  /**
   * {@code Checking MODEL with N threads, symmetry reduction heuristic over node, data...}; {@code symmetry} is
   * null or empty when nothing is reduced.
   */
  public static String startLine(String model, int threads, String symmetry) {
    return startLine(model, threads, symmetry, null);
  }

  /**
   * As above, with the search's memory limit and where it comes from ({@code memory}: e.g. {@code 14.6 GiB (70% of
   * the free JVM heap; ...)}; null: not shown): {@code Checking m.m with 2 threads, memory 14.6 GiB (...)...}.
   */
  public static String startLine(String model, int threads, String symmetry, String memory) {
    return "Checking " + model + " with " + threads + (threads == 1 ? " thread" : " threads")
        + (symmetry == null || symmetry.isEmpty() ? "" : ", symmetry reduction " + symmetry)
        + (memory == null ? "" : ", memory " + memory) + "...";
  }

  /** After a deadlock verdict: how to check a model whose protocol is meant to stop (a first-day question). */
  static final String DEADLOCK_HINT = "(A protocol meant to stop in that state: --deadlock-detection off or stuck,"
      + " or a line '-- ballot: deadlock-detection off' in the model.)";

  /** Prints the violations with their traces, then the verdict, a deadlock's hint, the counts and the covers. */
  public void print(Result result) {
    List<Violation> violations = result.violations();
    for (int i = 0; i < violations.size(); i++) {
      out.println();
      printViolation(violations.get(i), violations.size() > 1 ? (i + 1) + " of " + violations.size() : null);
    }
    out.println();
    out.println("Result: " + verdictText(result) + ".");
    if (!violations.isEmpty() && violations.get(0).kind() == ViolationKind.DEADLOCK) {
      out.println(DEADLOCK_HINT);
    }
    out.println(countsLine(result));
    for (CoverCount c : result.covers()) {
      out.println(coverLine(c, !result.complete()));
    }
    out.flush();
  }

  /** The verdict in words, e.g. {@code all properties hold}, {@code invariant "x" violated}. */
  public static String verdictText(Result result) {
    if (result.verdict() == Verdict.HOLDS) {
      return result.probabilistic() ? "all properties hold, " + result.storage().qualifier() : "all properties hold";
    }
    if (result.verdict() == Verdict.INCOMPLETE || result.violations().isEmpty()) {
      return "incomplete (stopped: " + result.stopReason() + ")";
    }
    String first = summary(result.violations().get(0));
    int more = result.violations().size() - 1;
    return more == 0 ? first : first + " (and " + more + " more " + (more == 1 ? "violation" : "violations") + ")";
  }

  /** One violation in a few words: {@code invariant "x" violated}, {@code deadlock}, {@code cover "c" not hit}. */
  public static String summary(Violation v) {
    return switch (v.kind()) {
      case INVARIANT -> "invariant \"" + v.property() + "\" violated";
      case ASSERTION -> v.message();
      case DEADLOCK -> "deadlock";
      case COVER -> "cover \"" + v.property() + "\" not hit";
      case LIVENESS -> "liveness property \"" + v.property() + "\" violated";
    };
  }

  /** {@code States: N  Rules fired: N  Depth: N  Time: T s  (R states/s)}. */
  public static String countsLine(Result r) {
    long rate = Math.round(r.states() / Math.max(r.seconds(), 1e-3));
    return String.format(
        Locale.ROOT,
        "States: %d  Rules fired: %d  Depth: %d  Time: %.2f s  (%d states/s)",
        r.states(),
        r.rulesFired(),
        r.depth(),
        r.seconds(),
        rate);
  }

  /** {@code cover "NAME" hit N times} or {@code cover "NAME" not hit}. */
  public static String coverLine(CoverCount c) {
    return coverLine(c, false);
  }

  /**
   * As {@link #coverLine(CoverCount)}; when the search stopped before it was complete (a violation, a limit), a
   * cover never hit was only {@code not reached before the search stopped}.
   */
  public static String coverLine(CoverCount c, boolean searchStopped) {
    String none = searchStopped ? " not reached before the search stopped" : " not hit";
    return "cover \"" + c.property() + "\"" + (c.hits() == 0 ? none : " hit " + c.hits() + " times");
  }

  /** {@code file:line:col}, or null when the location is unknown (or a built-in). */
  public static String location(SourceLocation loc) {
    return loc == null || loc.equals(SourceLocation.NONE) ? null : loc.toString();
  }

  /** Prints one violation: its header, message and trace (as {@link #print} does for each). */
  public void printViolation(Violation v) {
    printViolation(v, null);
    out.flush();
  }

  private void printViolation(Violation v, String ordinal) {
    StringBuilder header = new StringBuilder(ordinal == null ? "Violation: " : "Violation " + ordinal + ": ");
    header.append(v.label());
    if (!v.property().equalsIgnoreCase(v.kind().name())) {
      header.append(" \"").append(v.property()).append('"');
    }
    String where = location(v.location());
    if (where != null) {
      header.append(" at ").append(where);
    }
    out.println(header);
    out.println("  " + v.message());
    if (traceMode == TraceMode.OFF || v.trace().isEmpty()) {
      return;
    }
    List<TraceStep> trace = v.trace();
    for (int k = 0; k < trace.size(); k++) {
      TraceStep step = trace.get(k);
      StringBuilder line = new StringBuilder("Step ").append(k + 1).append(": ").append(step.rule());
      for (String p : step.parameters()) {
        line.append(", ").append(p);
      }
      out.println(line);
      List<String> lines = TraceLines.of(trace, k, traceMode == TraceMode.FULL);
      for (String l : lines) {
        out.println("  " + l);
      }
      if (lines.isEmpty() && !step.state().isEmpty()) {
        out.println("  (no change)");
      }
    }
    out.println("End of the counterexample (" + trace.size() + (trace.size() == 1 ? " step" : " steps") + ").");
  }
}
