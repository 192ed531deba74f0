package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.dsl.corpus.CorpusModel;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.interp.Interpreter;
import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.trace.TraceReplay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every counterexample the checker reports on the corpus is replayed independently, with a fresh interpreter: the
 * first step is the named start state run from nothing, and each later step is the named rule (with its parameters)
 * fired from the previous state; each printed state must be exactly the state so produced. A separate breadth-first
 * search then confirms that the trace is a shortest path to its last state.
 */
class CounterexampleReplayTest {
  @Test
  void everyCorpusCounterexampleReplaysAndIsShortest() throws IOException, ModelError {
    Path corpus = CorpusModel.requireCorpus("replay test");
    FrontEnd frontEnd = new FrontEnd();
    List<Path> models;
    try (Stream<Path> s = Files.list(corpus)) {
      models = s.filter(p -> p.toString().endsWith(".m")).sorted().toList();
    }
    int traces = 0;
    int steps = 0;
    int reduced = 0;
    for (Path m : models) {
      LoadResult load = frontEnd.load(m);
      if (load.hasErrors()) {
        continue;
      }
      CheckOptions options =
          new CheckOptions(2, 0, CheckOptions.DeadlockMode.STUTTERING, 0, 1, 10).withSingleThreadUntil(0);
      List<Violation> found = new ArrayList<>();
      for (CheckOptions.Symmetry symmetry : CheckOptions.Symmetry.values()) {
        // under reduction too (where it changes anything), traces must be concrete executions, and as short
        if (symmetry == CheckOptions.Symmetry.OFF || io.ballot.checker.symmetry.SymmetryReduction.of(
            new io.ballot.checker.state.StateLayout(load.model()), symmetry).reduces()) {
          Result r = Checker.check(load.model(), options.withSymmetry(symmetry), ProgressListener.NONE, w -> {});
          if (r.verdict() == Verdict.VIOLATED) {
            found.addAll(r.violations());
            reduced += symmetry == CheckOptions.Symmetry.OFF ? 0 : 1;
          }
        }
      }
      for (Violation v : found) {
        if (v.trace().isEmpty()) {
          continue;
        }
        TransitionSystem ts = new Interpreter(load.model());
        long[] last = TraceReplay.replay(ts, v.trace(), m.getFileName().toString());
        assertEquals(v.trace().size() - 1, depthOf(ts, last),
            m.getFileName() + ": the trace is not a shortest path to its last state");
        traces++;
        steps += v.trace().size();
      }
    }
    System.out.printf("counterexamples replayed: %d traces (%d runs with symmetry reduction), %d steps, all shortest%n",
        traces, reduced, steps);
    assertTrue(reduced >= 4, "expected counterexamples under symmetry reduction, got " + reduced);
    assertTrue(traces > 20, "expected the corpus to produce many counterexamples, got " + traces);
  }

  /**
   * Breadth-first distance from the start states to {@code target}, computed without the checker, over the same
   * graph: states failing a top-level assumption are dropped, and states failing an invariant are not expanded.
   */
  private static int depthOf(TransitionSystem ts, long[] target) throws ModelError {
    int words = ts.layout().words();
    Map<List<Long>, Integer> depth = new HashMap<>();
    ArrayDeque<long[]> queue = new ArrayDeque<>();
    for (int i = 0; i < ts.startCount(); i++) {
      long[] s = new long[words];
      if (ts.runStart(i, s, Effects.NONE) && assumed(ts, s) && depth.putIfAbsent(key(s), 0) == null) {
        queue.add(s);
      }
    }
    while (!queue.isEmpty()) {
      long[] s = queue.poll();
      int d = depth.get(key(s));
      if (Arrays.equals(s, target)) {
        return d;
      }
      if (!invariantsHold(ts, s)) {
        continue;
      }
      for (int i = 0; i < ts.ruleCount(); i++) {
        try {
          if (!ts.guard(i, s)) {
            continue;
          }
          long[] n = s.clone();
          if (ts.fire(i, s, n, Effects.NONE) && assumed(ts, n) && depth.putIfAbsent(key(n), d + 1) == null) {
            queue.add(n);
          }
        } catch (ModelError e) {
          // a failing rule produces no successor
        }
      }
    }
    return -1;
  }

  private static boolean assumed(TransitionSystem ts, long[] s) throws ModelError {
    for (int p = 0; p < ts.propertyCount(); p++) {
      if (ts.propertyKind(p) == PropertyKind.ASSUMPTION && !ts.holds(p, s)) {
        return false;
      }
    }
    return true;
  }

  private static boolean invariantsHold(TransitionSystem ts, long[] s) {
    for (int p = 0; p < ts.propertyCount(); p++) {
      try {
        if (ts.propertyKind(p) == PropertyKind.ASSERTION && !ts.holds(p, s)) {
          return false;
        }
      } catch (ModelError e) {
        return false;
      }
    }
    return true;
  }

  private static List<Long> key(long[] s) {
    List<Long> k = new ArrayList<>(s.length);
    for (long w : s) {
      k.add(w);
    }
    return k;
  }
}
