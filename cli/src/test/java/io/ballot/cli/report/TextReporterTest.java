package io.ballot.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.CoverCount;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.VariableValue;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.checker.result.ViolationKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text report, on hand-made results. */
class TextReporterTest {

  private static final SourceLocation AT = new SourceLocation("m.m", 7, 3, 7, 20);

  private static final List<TraceStep> TRACE =
      List.of(
          new TraceStep("Startstate 1", List.of(), List.of(v("x", "0"), v("a[0]", "false"), v("a[1]", "false"))),
          new TraceStep("set", List.of("i: 1"), List.of(v("x", "0"), v("a[0]", "false"), v("a[1]", "true"))),
          new TraceStep("stay", List.of("i: 0", "j: 1"), List.of(v("x", "0"), v("a[0]", "false"), v("a[1]", "true"))),
          new TraceStep("inc", List.of(), List.of(v("x", "1"), v("a[0]", "false"), v("a[1]", "true"))));

  private static VariableValue v(String name, String value) {
    return new VariableValue(name, value);
  }

  private static Result violated(Violation... violations) {
    return new Result(Verdict.VIOLATED, 12, 34, 3, 0.5, List.of(violations),
        List.of(new CoverCount("c1", AT, 0), new CoverCount("c2", AT, 5)), null);
  }

  private static String print(Result r, TraceMode mode) {
    StringWriter s = new StringWriter();
    new TextReporter(new PrintWriter(s), mode).print(r);
    return s.toString().replace(System.lineSeparator(), "\n");
  }

  @Test
  void diffTrace() {
    Violation inv = new Violation(ViolationKind.INVARIANT, "inv", AT, "invariant \"inv\" failed", TRACE);
    assertEquals(
        """

        Violation: invariant "inv" at m.m:7:3
          invariant "inv" failed
        Step 1: Startstate 1
          x: 0
          a[0]: false
          a[1]: false
        Step 2: set, i: 1
          a[1]: true
        Step 3: stay, i: 0, j: 1
          (no change)
        Step 4: inc
          x: 1
        End of the counterexample (4 steps).

        Result: invariant "inv" violated.
        States: 12  Rules fired: 34  Depth: 3  Time: 0.50 s  (24 states/s)
        cover "c1" not reached before the search stopped
        cover "c2" hit 5 times
        """,
        print(violated(inv), TraceMode.DIFF));
  }

  @Test
  void fullTrace() {
    Violation v = new Violation(ViolationKind.ASSERTION, "boom", AT, "error \"boom\"", TRACE.subList(0, 2));
    assertEquals(
        """

        Violation: error "boom" at m.m:7:3
          error "boom"
        Step 1: Startstate 1
          x: 0
          a[0]: false
          a[1]: false
        Step 2: set, i: 1
          x: 0
          a[0]: false
          a[1]: true
        End of the counterexample (2 steps).

        Result: error "boom".
        """,
        print(violated(v), TraceMode.FULL).replaceAll("States:.*\n(cover.*\n)*", ""));
  }

  @Test
  void headerNamesAFailedAssertAndAnErrorApart() {
    Violation failed = new Violation(ViolationKind.ASSERTION, "x small", AT, "assertion \"x small\" failed", List.of());
    Violation range = new Violation(ViolationKind.ASSERTION, "value 4 out of range for 0..3", AT,
        "value 4 out of range for 0..3 (in rule r)", List.of());
    assertTrue(print(violated(failed), TraceMode.DIFF).contains("Violation: assertion \"x small\" at m.m:7:3"));
    assertTrue(print(violated(range), TraceMode.DIFF)
        .contains("Violation: error \"value 4 out of range for 0..3\" at m.m:7:3"));
  }

  @Test
  void noTraceAndSeveralViolations() {
    Violation dead = new Violation(ViolationKind.DEADLOCK, "deadlock", null, "deadlock: stuck", TRACE.subList(0, 1));
    Violation live = new Violation(ViolationKind.LIVENESS, "eventually", AT, "liveness violated", TRACE);
    assertEquals(
        """

        Violation 1 of 2: deadlock
          deadlock: stuck

        Violation 2 of 2: liveness "eventually" at m.m:7:3
          liveness violated

        Result: deadlock (and 1 more violation).
        (A protocol meant to stop in that state: --deadlock-detection off or stuck, or a line '-- ballot: deadlock-detection off' in the model.)
        """,
        print(violated(dead, live), TraceMode.OFF).replaceAll("States:.*\n(cover.*\n)*", ""));
  }

  @Test
  void holdsAndIncomplete() {
    Result holds = new Result(Verdict.HOLDS, 4, 4, 3, 0, List.of(), List.of(), null);
    assertEquals(
        "\nResult: all properties hold.\nStates: 4  Rules fired: 4  Depth: 3  Time: 0.00 s  (4000 states/s)\n",
        print(holds, TraceMode.DIFF));
    Result stopped = new Result(Verdict.INCOMPLETE, 9, 9, 2, 1, List.of(), List.of(), "time limit reached (1.0 s)");
    assertEquals(
        "\nResult: incomplete (stopped: time limit reached (1.0 s)).\n"
            + "States: 9  Rules fired: 9  Depth: 2  Time: 1.00 s  (9 states/s)\n",
        print(stopped, TraceMode.DIFF));
  }

  @Test
  void startLine() {
    assertEquals("Checking m.m with 1 thread...", TextReporter.startLine("m.m", 1));
    assertEquals("Checking m.m with 8 threads...", TextReporter.startLine("m.m", 8));
    assertEquals("Checking m.m with 2 threads, symmetry reduction heuristic over pid, memory 512 MiB (--memory)...",
        TextReporter.startLine("m.m", 2, "heuristic over pid", "512 MiB (--memory)"));
  }
}
