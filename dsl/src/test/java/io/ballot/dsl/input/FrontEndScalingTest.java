package io.ballot.dsl.input;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The front end's time grows linearly with the model: eight times the input takes well under 24 times as long
 * (linear: about 8; the quadratic name resolution and node location this pins took about 64). Coarse on purpose,
 * so that a loaded machine does not fail it: sizes of a second or less, the fastest of three runs of each, timed in
 * this thread's CPU time (wall time also counts the other test forks and builds the CI machine runs meanwhile: a
 * fresh-clone run once saw 25 times).
 */
class FrontEndScalingTest {
  private static final double MAX_RATIO = 24;

  private final FrontEnd frontEnd = new FrontEnd();

  @Test
  void manyRulesOverManyVariables() {
    assertLinear(FrontEndScalingTest::rules, 1_000);
  }

  @Test
  void longSum() {
    assertLinear(FrontEndScalingTest::sum, 4_000);
  }

  private void assertLinear(IntFunction<String> model, int n) {
    String small = model.apply(n);
    String large = model.apply(8 * n);
    load(small); // warm-up: class loading and the JIT
    load(large);
    long tSmall = fastest(small);
    long tLarge = fastest(large);
    double ratio = (double) tLarge / Math.max(1, tSmall);
    assertTrue(ratio < MAX_RATIO, String.format("%d ms for %d, %d ms for 8 times as much: %.1f times", tSmall / 1_000_000,
        n, tLarge / 1_000_000, ratio));
  }

  private long fastest(String text) {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t0 = threads.getCurrentThreadCpuTime();
      load(text);
      best = Math.min(best, threads.getCurrentThreadCpuTime() - t0);
    }
    return best;
  }

  private void load(String text) {
    LoadResult r = frontEnd.load("scale.m", text);
    assertTrue(!r.hasErrors(), () -> r.diagnostics().subList(0, Math.min(3, r.diagnostics().size())).toString());
  }

  /** As bench/frontend_models.py rules N: N variables, each with its own rule. */
  static String rules(int n) {
    StringBuilder sb = new StringBuilder("type r: 0 .. 3;\nvar\n");
    for (int i = 0; i < n; i++) {
      sb.append("  v").append(i).append(": r;\n");
    }
    sb.append("startstate\nbegin\n");
    for (int i = 0; i < n; i++) {
      sb.append("  v").append(i).append(" := 0;\n");
    }
    sb.append("end;\n");
    for (int i = 0; i < n; i++) {
      sb.append("rule \"step ").append(i).append("\"\n  v").append(i).append(" < 3 ==>\nbegin\n  v").append(i)
          .append(" := v").append(i).append(" + 1;\nend;\n");
    }
    return sb.toString();
  }

  /** As bench/frontend_models.py sum N: one assignment of a sum of N terms. */
  static String sum(int n) {
    return "var x: 0 .. 1000000;\nstartstate begin x := 0; end;\nrule \"sum\" x = 0 ==> begin x := "
        + String.join(" + ", java.util.Collections.nCopies(n, "1")) + "; end;\n";
  }
}
