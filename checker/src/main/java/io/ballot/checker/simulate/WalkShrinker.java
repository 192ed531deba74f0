package io.ballot.checker.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shortens a violating walk while it still shows the same violation, every candidate re-executed concretely from
 * the start state ({@link WalkReplay}). First the walk's cycles are cut (a state visited twice: the steps between
 * the two visits go), then delta debugging (Zeller and Hildebrandt's ddmin, complements only): the walk is split
 * into n chunks and each chunk removed in turn; a candidate that still violates (possibly earlier: it is cut at the
 * violation) is kept and n decreases, else n doubles, until single steps have been tried. Deterministic; bounded
 * by {@link #MAX_CANDIDATES} candidates and {@link #MAX_STATES} replayed states, so a long walk costs bounded time.
 */
final class WalkShrinker {
  /** The most candidate walks tried. */
  static final int MAX_CANDIDATES = 10_000;
  /** The most states replayed over all candidates. */
  static final long MAX_STATES = 20_000_000;

  private final WalkReplay replay;
  /** Candidates tried. */
  int candidates;

  WalkShrinker(WalkReplay replay) {
    this.replay = replay;
  }

  /** A walk at most as long as {@code w} that shows the same violation from the same start state. */
  WalkRecord shrink(WalkRecord w) {
    int[] best = w.steps();
    int[] acyclic = withoutCycles(w.start(), best);
    if (acyclic.length < best.length) {
      int k = replay.violatesAfter(w.start(), acyclic, acyclic.length, w.found());
      if (k >= 0) {
        best = Arrays.copyOf(acyclic, k);
      }
    }
    best = ddmin(w.start(), best, w.found());
    return new WalkRecord(w.walk(), w.start(), best, w.found());
  }

  private int[] ddmin(int start, int[] steps, Found target) {
    int[] cur = steps;
    int n = 2;
    while (cur.length > 0 && candidates < MAX_CANDIDATES && replay.statesReplayed < MAX_STATES) {
      int chunk = (cur.length + n - 1) / n;
      boolean reduced = false;
      for (int from = 0; from < cur.length && candidates < MAX_CANDIDATES; from += chunk) {
        int[] cand = without(cur, from, Math.min(cur.length, from + chunk));
        candidates++;
        int k = replay.violatesAfter(start, cand, cand.length, target);
        if (k >= 0) {
          cur = Arrays.copyOf(cand, k);
          n = Math.max(n - 1, 2);
          reduced = true;
          break;
        }
      }
      if (!reduced) {
        if (n >= cur.length) {
          break;
        }
        n = Math.min(cur.length, 2 * n);
      }
    }
    return cur;
  }

  private static int[] without(int[] a, int from, int to) {
    int[] out = new int[a.length - (to - from)];
    System.arraycopy(a, 0, out, 0, from);
    System.arraycopy(a, to, out, from, a.length - to);
    return out;
  }

  /**
   * The walk with every cycle cut: when a state recurs, the steps since its first visit are dropped. States are
   * compared by their 64-bit hash; a collision only proposes a candidate, which is replayed before it is kept.
   */
  private int[] withoutCycles(int start, int[] steps) {
    long[] hashes = replay.stateHashes(start, steps);
    if (hashes == null) {
      return steps;
    }
    List<Integer> kept = new ArrayList<>(); // the steps of the path so far
    List<Long> path = new ArrayList<>(); // the hashes of its states
    Map<Long, Integer> position = new HashMap<>();
    path.add(hashes[0]);
    position.put(hashes[0], 0);
    for (int i = 0; i < steps.length; i++) {
      long h = hashes[i + 1];
      Integer seen = position.get(h);
      if (seen != null) {
        while (path.size() > seen + 1) { // back to the state's first visit
          position.remove(path.remove(path.size() - 1));
          kept.remove(kept.size() - 1);
        }
        continue;
      }
      kept.add(steps[i]);
      path.add(h);
      position.put(h, path.size() - 1);
    }
    return kept.stream().mapToInt(Integer::intValue).toArray();
  }
}
