package io.ballot.checker.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.interp.Interpreter;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.CoverCount;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.Violation;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a model on the interpreter and on compiled code and compares everything observable: the whole explored
 * transition relation (every guard, firing, successor state, property value, cover hit, put and error, in BFS order)
 * and the explorer's result.
 */
final class Differential {
  private Differential() {}

  /** What exploring gave: one line per observation, the number of distinct states and of errors seen. */
  record Log(List<String> lines, int states, int errors) {}

  static TransitionSystem compiled(Model model, CompileOptions options) {
    ModelCompiler.Outcome o = ModelCompiler.compile(model, options);
    assertTrue(o.compiled(), () -> "not compiled: " + o.warning() + "\n" + ModelCompiler.source(model, options));
    return o.system();
  }

  /** Asserts that both engines behave the same; returns the (common) log. */
  static Log assertSame(Model model, CompileOptions options) {
    return assertSame(model, 2000, options);
  }

  /** As {@link #assertSame(Model, CompileOptions)}, exploring at most {@code maxStates} states. */
  static Log assertSame(Model model, int maxStates, CompileOptions options) {
    TransitionSystem interp = new Interpreter(model);
    TransitionSystem comp = compiled(model, options);
    assertEquals(descriptions(interp), descriptions(comp), "instance descriptions");
    Log a = explore(interp, maxStates);
    Log b = explore(comp, maxStates);
    if (!a.lines().equals(b.lines())) {
      for (int i = 0; i < Math.min(a.lines().size(), b.lines().size()); i++) {
        if (!a.lines().get(i).equals(b.lines().get(i))) {
          assertEquals(a.lines().get(i), b.lines().get(i),
              "first difference at observation " + i + "\n" + ModelCompiler.source(model, options));
        }
      }
      assertEquals(a.lines().size(), b.lines().size(), "number of observations\n" + ModelCompiler.source(model, options));
    }
    CheckOptions check = new CheckOptions(1, 0, CheckOptions.DeadlockMode.STUTTERING, 0, 3, 0);
    assertEquals(summary(new BfsExplorer(interp, check, ProgressListener.NONE).run()),
        summary(new BfsExplorer(comp, check, ProgressListener.NONE).run()), "explorer results");
    return a;
  }

  static List<String> descriptions(TransitionSystem ts) {
    List<String> out = new ArrayList<>();
    out.add("words " + ts.layout().words());
    for (int i = 0; i < ts.startCount(); i++) {
      out.add("start " + ts.start(i));
    }
    for (int i = 0; i < ts.ruleCount(); i++) {
      out.add("rule " + ts.rule(i));
    }
    for (int i = 0; i < ts.propertyCount(); i++) {
      out.add("property " + ts.property(i) + " " + ts.propertyKind(i));
    }
    for (int i = 0; i < ts.coverStatementCount(); i++) {
      out.add("cover " + ts.coverStatement(i));
    }
    return out;
  }

  /** Breadth-first exploration logging every observation; stops after {@code maxStates} states. */
  static Log explore(TransitionSystem ts, int maxStates) {
    List<String> log = new ArrayList<>();
    Effects fx = new Effects() {
      @Override
      public void cover(int site) {
        log.add("cover " + site);
      }

      @Override
      public void put(String text) {
        log.add("put " + text);
      }
    };
    Map<String, Integer> seen = new HashMap<>();
    ArrayDeque<long[]> queue = new ArrayDeque<>();
    int words = ts.layout().words();
    int[] errors = {0};
    for (int i = 0; i < ts.startCount(); i++) {
      long[] s = new long[words];
      try {
        boolean ok = ts.runStart(i, s, fx);
        log.add("start " + i + " " + ok + " " + Arrays.toString(s));
        if (ok) {
          admit(ts, s, seen, queue, log, errors, maxStates);
        }
      } catch (ModelError e) {
        errors[0]++;
        log.add("start " + i + " " + error(e));
      }
    }
    while (!queue.isEmpty()) {
      long[] s = queue.poll();
      for (int r = 0; r < ts.ruleCount(); r++) {
        try {
          boolean g = ts.guard(r, s);
          if (!g) {
            log.add("rule " + r + " disabled");
            continue;
          }
          long[] n = s.clone();
          boolean ok = ts.fire(r, s, n, fx);
          log.add("rule " + r + " " + ok + " " + Arrays.toString(n));
          if (ok) {
            admit(ts, n, seen, queue, log, errors, maxStates);
          }
        } catch (ModelError e) {
          errors[0]++;
          log.add("rule " + r + " " + error(e));
        }
      }
    }
    return new Log(log, seen.size(), errors[0]);
  }

  private static void admit(TransitionSystem ts, long[] s, Map<String, Integer> seen, ArrayDeque<long[]> queue,
      List<String> log, int[] errors, int maxStates) {
    for (int p = 0; p < ts.propertyCount(); p++) {
      try {
        log.add("property " + p + " " + ts.holds(p, s));
      } catch (ModelError e) {
        errors[0]++;
        log.add("property " + p + " " + error(e));
      }
    }
    String key = Arrays.toString(s);
    if (!seen.containsKey(key) && seen.size() < maxStates) {
      seen.put(key, seen.size());
      queue.add(s.clone());
    }
  }

  static String error(ModelError e) {
    return "ERROR " + e.kind() + " | " + e.property() + " | " + e.getMessage() + " | " + e.location();
  }

  static String summary(Result r) {
    StringBuilder b = new StringBuilder();
    b.append(r.verdict()).append(" states=").append(r.states()).append(" fired=").append(r.rulesFired())
        .append(" depth=").append(r.depth()).append(" stop=").append(r.stopReason());
    for (Violation v : r.violations()) {
      b.append("\n  ").append(v.kind()).append(" | ").append(v.property()).append(" | ").append(v.location())
          .append(" | ").append(v.message());
      for (TraceStep t : v.trace()) {
        b.append("\n    ").append(t.rule()).append(' ').append(t.parameters()).append(' ').append(t.state());
      }
    }
    for (CoverCount c : r.covers()) {
      b.append("\n  cover ").append(c.property()).append(" = ").append(c.hits());
    }
    return b.toString();
  }
}
