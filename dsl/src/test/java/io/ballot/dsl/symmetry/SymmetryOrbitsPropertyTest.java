package io.ballot.dsl.symmetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.CheckOptions.Engine;
import io.ballot.checker.CheckOptions.Symmetry;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.interp.Interpreter;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.Violation;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.symmetry.Canonicalizer;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.trace.TraceReplay;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Symmetry reduction against brute force, on generated symmetric models ({@link SymmetricModels}): the reachable
 * states without reduction are computed here, independently of the checker; then
 * <ul>
 *   <li>the reachable set is closed under every permutation of the scalarsets (the group action is a symmetry of
 *       the model, so the reduction may rely on it);
 *   <li>the number of orbits, counted by applying every permutation to every state, equals the checker's count
 *       with {@code exhaustive}; the exact canonical form is the same for every state of an orbit and different
 *       across orbits, and every reachable state's canonical form is one of the states the reduced search stores;
 *   <li>{@code exhaustive} ≤ {@code heuristic} ≤ {@code off}, with the same verdict under all three.
 * </ul>
 */
class SymmetryOrbitsPropertyTest {
  private static final int MAX_STATES = 20_000;
  private final FrontEnd frontEnd = new FrontEnd();

  /** A state as a set element. */
  private record S(long[] w) {
    @Override
    public boolean equals(Object o) {
      return o instanceof S s && Arrays.equals(w, s.w);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(w);
    }
  }

  @Property(tries = 100)
  void exhaustiveCountsOrbitsAndHeuristicLiesBetween(@ForAll long seed) {
    checkAgainstBruteForce(SymmetricModels.generate(seed));
  }

  /** The same, on models whose scalarsets also sit in a union: arrays indexed by and holding it, and so on. */
  @Property(tries = 230)
  void unionsOfScalarsetsToo(@ForAll long seed) {
    checkAgainstBruteForce(SymmetricModels.generateWithUnion(seed));
  }

  private void checkAgainstBruteForce(String text) {
    LoadResult load = frontEnd.load("gen.m", text);
    assertTrue(!load.hasErrors(), () -> "generated model rejected: " + load.diagnostics() + "\n" + text);
    Model model = load.model();
    TransitionSystem ts = new Interpreter(model);
    Set<S> reach = reachable(ts);
    Assume.that(reach != null); // a run-time error or too many states: not this property's business

    io.ballot.checker.symmetry.SymmetryReduction sym =
        io.ballot.checker.symmetry.SymmetryReduction.of(ts.layout(), Symmetry.EXHAUSTIVE);
    List<int[][]> group = group(sym.groupSizes());
    int words = ts.layout().words();
    // the reachable set, multisets in canonical order, is closed under the group
    Set<S> sortedReach = new HashSet<>();
    int[][] identity = group.get(0);
    for (S s : reach) {
      long[] t = new long[words];
      sym.permute(identity, s.w(), t);
      sortedReach.add(new S(t));
    }
    Set<S> orbitReps = new HashSet<>();
    Set<S> canonical = new HashSet<>();
    Canonicalizer exact = sym.exactCanonicalizer();
    for (S s : reach) {
      long[] best = null;
      long[] c = s.w().clone();
      exact.canonicalize(c);
      canonical.add(new S(c));
      for (int[][] perm : group) {
        long[] t = new long[words];
        sym.permute(perm, s.w(), t);
        assertTrue(sortedReach.contains(new S(t)), () -> "not closed under symmetry:\n" + text);
        if (best == null || Arrays.compare(t, best) < 0) {
          best = t;
        }
        long[] ct = t.clone();
        exact.canonicalize(ct);
        assertTrue(Arrays.equals(ct, c), () -> "canonical form differs within an orbit:\n" + text);
      }
      orbitReps.add(new S(best));
    }
    assertEquals(orbitReps.size(), canonical.size(), () -> "canonical forms vs orbits:\n" + text);

    Result off = check(model, Symmetry.OFF);
    Result heuristic = check(model, Symmetry.HEURISTIC);
    Result exhaustive = check(model, Symmetry.EXHAUSTIVE);
    assertEquals(off.verdict(), heuristic.verdict(), text);
    assertEquals(off.verdict(), exhaustive.verdict(), text);
    if (off.verdict() == Verdict.HOLDS) {
      assertEquals(reach.size(), off.states(), () -> "off count:\n" + text);
      assertEquals(orbitReps.size(), exhaustive.states(), () -> "exhaustive count vs orbits:\n" + text);
      assertTrue(exhaustive.states() <= heuristic.states() && heuristic.states() <= off.states(),
          () -> exhaustive.states() + " <= " + heuristic.states() + " <= " + off.states() + " fails:\n" + text);
      // the reduced search stores exactly the canonical forms of the reachable states
      assertEquals(canonical, reducedReachable(ts, exact), () -> "reduced set:\n" + text);
    }
    if (off.verdict() == Verdict.VIOLATED) {
      for (Result reduced : List.of(heuristic, exhaustive)) {
        Violation v = reduced.violations().get(0);
        assertEquals(off.violations().get(0).trace().size(), v.trace().size(), () -> "not shortest:\n" + text);
        long[] last = TraceReplay.replay(ts, v.trace(), text);
        assertTrue(invariantFails(ts, v.property(), last), () -> v.property() + " holds at the end:\n" + text);
      }
      Statistics.label("violated").collect(true);
    }
    Statistics.label("reduction").collect(reach.size() == orbitReps.size() ? "none" : "reduced");
    Statistics.label("scalarsets").collect(group.get(0).length);
  }

  private static boolean invariantFails(TransitionSystem ts, String property, long[] state) {
    for (int p = 0; p < ts.propertyCount(); p++) {
      try {
        if (ts.property(p).describe().equals(property) && !ts.holds(p, state)) {
          return true;
        }
      } catch (ModelError e) {
        return true;
      }
    }
    return false;
  }

  private static Result check(Model model, Symmetry symmetry) {
    CheckOptions o = new CheckOptions(1, 0, DeadlockMode.OFF, 0, 1, 30).withEngine(Engine.INTERPRETED)
        .withSymmetry(symmetry);
    return Checker.check(model, o, ProgressListener.NONE, w -> {});
  }

  /** Every reachable state (no reduction), or null after a run-time error or beyond {@link #MAX_STATES}. */
  private static Set<S> reachable(TransitionSystem ts) {
    return explore(ts, null);
  }

  /** The states a search stores that canonicalises every state with {@code c}. */
  private static Set<S> reducedReachable(TransitionSystem ts, Canonicalizer c) {
    return explore(ts, c);
  }

  private static Set<S> explore(TransitionSystem ts, Canonicalizer c) {
    int words = ts.layout().words();
    Set<S> seen = new HashSet<>();
    ArrayDeque<long[]> queue = new ArrayDeque<>();
    try {
      for (int i = 0; i < ts.startCount(); i++) {
        long[] s = new long[words];
        if (ts.runStart(i, s, Effects.NONE)) {
          add(s, c, seen, queue);
        }
      }
      while (!queue.isEmpty()) {
        long[] s = queue.poll();
        for (int r = 0; r < ts.ruleCount(); r++) {
          if (ts.guard(r, s)) {
            long[] next = s.clone();
            if (ts.fire(r, s, next, Effects.NONE)) {
              add(next, c, seen, queue);
            }
          }
        }
        if (seen.size() > MAX_STATES) {
          return null;
        }
      }
    } catch (ModelError e) {
      return null;
    }
    return seen;
  }

  private static void add(long[] s, Canonicalizer c, Set<S> seen, ArrayDeque<long[]> queue) {
    if (c != null) {
      c.canonicalize(s);
    }
    if (seen.add(new S(s))) {
      queue.add(s);
    }
  }

  /** Every element of the product of the symmetric groups of the given sizes. */
  private static List<int[][]> group(int[] sizes) {
    List<int[][]> out = new ArrayList<>();
    out.add(new int[sizes.length][]);
    for (int g = 0; g < sizes.length; g++) {
      List<int[][]> next = new ArrayList<>();
      for (int[][] partial : out) {
        for (int[] p : permutations(sizes[g])) {
          int[][] q = partial.clone();
          q[g] = p;
          next.add(q);
        }
      }
      out = next;
    }
    return out;
  }

  private static List<int[]> permutations(int n) {
    List<int[]> out = new ArrayList<>();
    permute(new int[n], new boolean[n], 0, out);
    return out;
  }

  private static void permute(int[] p, boolean[] used, int k, List<int[]> out) {
    if (k == p.length) {
      out.add(p.clone());
      return;
    }
    for (int v = 0; v < p.length; v++) {
      if (!used[v]) {
        used[v] = true;
        p[k] = v;
        permute(p, used, k + 1, out);
        used[v] = false;
      }
    }
  }
}
