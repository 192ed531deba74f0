package io.ballot.cluster;

import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import scala.Tuple2;

/**
 * Level 0, computed on the driver (a model has few start states): each start state is run, put through the
 * assumptions and canonicalised, the first start state to reach a state is its parent link, and the new states are
 * checked as any level's ({@link MergeLevel#check}). Violations and cover hits go to {@link #stats}.
 */
final class StartStates {
  final PartStats stats;
  final List<Tuple2<PackedState, Node>> states = new ArrayList<>();

  StartStates(LoadedModel m, int maxErrors) {
    TransitionSystem ts = m.ts;
    stats = new PartStats(0, ts.ruleCount(), m.coverCounters(), maxErrors);
    Effects effects = new Effects() {
      @Override
      public void cover(int site) {
        stats.coverHits[site]++;
      }

      @Override
      public void put(String text) {}
    };
    Map<PackedState, Node> seen = new LinkedHashMap<>();
    int words = ts.layout().words();
    for (int i = 0; i < ts.startCount(); i++) {
      long[] s = new long[words];
      try {
        if (!ts.runStart(i, s, effects)) {
          continue;
        }
      } catch (ModelError e) {
        stats.found(Found.of(e.kind(), e.property(), e.location(), e.getMessage() + " (in " + ts.start(i).describe()
            + ")", null, 0, -1, -1));
        continue;
      }
      if (passesAssumptions(m, s, i)) {
        if (m.symmetry != null) {
          m.symmetry.canonicalizer().canonicalize(s);
        }
        seen.putIfAbsent(new PackedState(s), new Node(null, i, false));
      }
    }
    for (Map.Entry<PackedState, Node> e : seen.entrySet()) {
      stats.states++;
      boolean ok = MergeLevel.check(m, e.getKey().wordsUnsafe(), 0, stats);
      states.add(new Tuple2<>(e.getKey(), ok ? e.getValue() : e.getValue().block()));
    }
  }

  private boolean passesAssumptions(LoadedModel m, long[] s, int start) {
    int p = -1;
    try {
      for (int a : m.assumptions) {
        p = a;
        if (!m.ts.holds(p, s)) {
          return false;
        }
      }
      return true;
    } catch (ModelError e) {
      stats.found(Found.of(e.kind(), e.property(), e.location(), e.getMessage() + " (in an assumption)", null, 0,
          start, p));
      return false;
    }
  }
}
