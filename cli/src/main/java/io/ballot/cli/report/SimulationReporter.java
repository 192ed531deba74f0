package io.ballot.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ballot.checker.result.CoverCount;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.RuleCount;
import io.ballot.checker.result.Violation;
import io.ballot.checker.simulate.SimulationOptions;
import io.ballot.checker.simulate.SimulationResult;
import io.ballot.dsl.settings.CheckSettings;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The result of {@code ballot simulate} for people: the violation as {@code check} prints a counterexample ({@link
 * TextReporter}), then the verdict, the walks' statistics, the firings of each rule and the covers:
 *
 * <pre>
 * Simulating m.m with 2 threads: 10000 walks of depth 1000, seed 1...
 *
 * Result: no violation found in 10000 walks of depth 1000 (not a proof).
 * Walks: 10000 (312 ended early)  States visited: 10010000  (2150000/s)  Distinct states: about 83000 (+-0.8%)
 * Rules fired: 31000000  Deepest walk: 1000  Time: 4.66 s
 * Rule firings in the states visited:
 *   "enter" (m.m:20:3): 4400000
 *   "leave" (m.m:27:3): never fired
 * </pre>
 *
 * A null writer prints nothing (the JSON report goes to stdout instead).
 */
public final class SimulationReporter {
  private final PrintWriter out;
  private final TraceMode traceMode;

  public SimulationReporter(PrintWriter out, TraceMode traceMode) {
    this.out = out;
    this.traceMode = traceMode;
  }

  /** {@code --counterexample-trace}'s value; a bad one is a usage error of {@code cl}. */
  public static TraceMode traceMode(String value, CommandLine cl) {
    try {
      return CheckSettings.choice("counterexample-trace", value, TraceMode.class);
    } catch (CheckSettings.InvalidValue e) {
      throw new ParameterException(cl, e.message("--"));
    }
  }

  /** The line printed when the walks start. */
  public void start(String model, SimulationOptions o) {
    if (out != null) {
      int t = o.check().threads();
      out.printf(Locale.ROOT, "Simulating %s with %d %s: %d walks of depth %d, seed %d...%n", model, t,
          t == 1 ? "thread" : "threads", o.walks(), o.depth(), o.seed());
      out.flush();
    }
  }

  /** The violation with its shortened walk, the verdict, the statistics, the rules' firings and the covers. */
  public void print(SimulationResult s) {
    if (out == null) {
      return;
    }
    Result r = s.result();
    TextReporter text = new TextReporter(out, traceMode);
    for (Violation v : r.violations()) {
      out.println();
      text.printViolation(v);
    }
    out.println();
    out.println("Result: " + verdict(s) + ".");
    out.printf(Locale.ROOT, "Walks: %d (%d ended early)  States visited: %d  (%d/s)  Distinct states: about %d"
        + " (+-%.1f%%)%n", s.walks(), s.deadEnds(), s.statesVisited(), Math.round(s.statesPerSecond()),
        s.distinctStates(), 100 * s.distinctError());
    out.printf(Locale.ROOT, "Rules fired: %d  Deepest walk: %d  Time: %.2f s%n", r.rulesFired(), s.deepest(),
        r.seconds());
    out.println("Rule firings in the states visited:");
    for (RuleCount c : r.rules()) {
      out.println("  \"" + c.rule() + "\" (" + TextReporter.location(c.location()) + "): "
          + (c.fires() == 0 ? "never fired" : c.fires()));
    }
    for (CoverCount c : r.covers()) {
      out.println(TextReporter.coverLine(c, true));
    }
    out.flush();
  }

  /** The verdict in words: the violation and how its walk was shortened, or why the walks stopped. */
  static String verdict(SimulationResult s) {
    Result r = s.result();
    if (r.violations().isEmpty()) {
      return r.stopReason();
    }
    String v = TextReporter.summary(r.violations().get(0));
    return s.walkFound() < 0 ? v : v + " (a walk of " + s.walkFound() + " firings, shortened to "
        + s.walkShortened() + ")";
  }

  /** {@code report} (a check's JSON report of the result) with a {@code simulation} object after its counts. */
  public static ObjectNode withSimulation(ObjectNode report, SimulationResult s) {
    ObjectNode sim = report.objectNode();
    sim.put("walks", s.walks());
    sim.put("walksAsked", s.walksAsked());
    sim.put("depth", s.depth());
    sim.put("seed", s.seed());
    sim.put("threads", s.threads());
    sim.put("statesVisited", s.statesVisited());
    sim.put("statesPerSecond", Math.round(s.statesPerSecond()));
    sim.put("distinctStatesEstimate", s.distinctStates());
    sim.put("distinctStatesRelativeError", s.distinctError());
    sim.put("walksEndedEarly", s.deadEnds());
    sim.put("deepestWalk", s.deepest());
    sim.put("violatingWalkFirings", s.walkFound());
    sim.put("shortenedWalkFirings", s.walkShortened());
    sim.put("candidatesReplayed", s.candidatesTried());
    return JsonReporter.afterCounts(report, "simulation", sim);
  }
}
