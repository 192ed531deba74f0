package io.ballot.checker.explore;

import io.ballot.checker.SoundnessFailure;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.symmetry.Canonicalizer;
import io.ballot.checker.symmetry.SymmetryReduction;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rebuilds the path to a stored state from the parent links, replaying each step (the start state, then each rule)
 * so that every printed state is one the model really produces from the previous one.
 *
 * <p>Under symmetry reduction the stored states are orbit representatives, and the rule recorded for a state was
 * fired in its (canonical) parent, not in the concrete state the replay has reached. Each step is then the first
 * rule instance whose successor of the concrete state is in the orbit of the next stored state (the recorded rule
 * is tried first), so that the trace is a real execution in the model's own scalarset values, as TLC and
 * Stateright rebuild traces.
 */
public final class TraceBuilder {
  private final TransitionSystem ts;
  private final StateStore store;
  private final Canonicalizer exact; // null without symmetry reduction
  private final Canonicalizer search; // the search's own (it made the stored states); null without reduction
  private final String run; // the run's options, for a soundness failure

  /** A concrete trace: its printed steps and its last state. */
  public record Trace(List<TraceStep> steps, long[] last) {}

  /** A builder of traces along given stored states ({@link #trace(List, int[])}), kept by another store. */
  public static TraceBuilder forStates(TransitionSystem ts, SymmetryReduction symmetry, String run) {
    return new TraceBuilder(ts, null, symmetry, run);
  }

  TraceBuilder(TransitionSystem ts, StateStore store, SymmetryReduction symmetry, String run) {
    this.ts = ts;
    this.run = run;
    this.store = store;
    this.exact = symmetry == null ? null : symmetry.exactCanonicalizer();
    this.search = symmetry == null ? null : symmetry.canonicalizer();
  }

  Trace trace(int id) {
    List<Integer> path = new ArrayList<>();
    for (int s = id; s >= 0; s = store.parent(s)) {
      path.add(0, s);
    }
    List<long[]> states = new ArrayList<>();
    int[] rules = new int[path.size()];
    long[] stored = null; // the stored value of the previous step's state
    for (int k = 0; k < path.size(); k++) {
      int s = path.get(k);
      long[] target = new long[store.words()];
      rules[k] = store.rule(s);
      if (store.hasRecord(s)) {
        store.get(s, target);
      } else {
        recompute(k, rules[k], stored, target); // hash compaction dropped it
      }
      stored = target;
      states.add(target);
    }
    return trace(states, rules);
  }

  /**
   * The concrete trace along stored states {@code states} (a start state first), each reached by {@code rules[k]}
   * (for the first, the start state's index). The states are not modified.
   */
  public Trace trace(List<long[]> states, int[] rules) {
    List<TraceStep> steps = new ArrayList<>();
    int words = ts.layout().words();
    long[] current = new long[words];
    for (int k = 0; k < states.size(); k++) {
      long[] target = states.get(k).clone();
      long[] next = new long[words];
      Output output = new Output();
      Instance step = k == 0
          ? start(rules[k], target, next, output)
          : step(rules[k], current, target, next, k, output);
      steps.add(new TraceStep(step.name(), step.parameters(), ts.render(next), step.location(), null, output.lines));
      current = next;
    }
    return new Trace(steps, current);
  }

  /**
   * The stored value of a state whose record hash compaction dropped: its recorded start state, or its recorded rule
   * fired in its parent's stored value, canonicalised as the search did. The replay then checks it as any other.
   */
  private void recompute(int k, int rule, long[] parent, long[] out) {
    try {
      if (k == 0) {
        ts.runStart(rule, out, Effects.NONE);
      } else if (!fires(rule, parent, out, new Output())) {
        throw unsound(k, ts.rule(rule), "does not fire where the search fired it");
      }
    } catch (ModelError e) {
      throw unsound(k, k == 0 ? ts.start(rule) : ts.rule(rule), "errs (" + e.getMessage() + ") where the search ran it");
    }
    if (search != null) {
      search.canonicalize(out);
    }
  }

  private Instance start(int rule, long[] target, long[] next, Output output) {
    try {
      ts.runStart(rule, next, output);
    } catch (ModelError e) {
      throw unsound(0, ts.start(rule), "errs (" + e.getMessage() + ") where the search ran it");
    }
    if (!reaches(next, target)) {
      throw unsound(0, ts.start(rule), "does not produce the stored start state");
    }
    return ts.start(rule);
  }

  /** Fires the rule from {@code current} into {@code next} that reaches {@code target} (or its orbit). */
  private Instance step(int recorded, long[] current, long[] target, long[] next, int k, Output output) {
    if (fires(recorded, current, next, output) && reaches(next, target)) {
      return ts.rule(recorded);
    }
    if (exact != null) {
      exact.canonicalize(target);
      for (int r = 0; r < ts.ruleCount(); r++) {
        if (r != recorded && fires(r, current, next, output) && reaches(next, target)) {
          return ts.rule(r);
        }
      }
    }
    throw unsound(k, ts.rule(recorded), "reaches no state in the stored state's orbit from the trace's concrete state");
  }

  /** What one replayed step put (its covers are not counted again). */
  private static final class Output implements Effects {
    final List<String> lines = new ArrayList<>();

    @Override
    public void cover(int site) {}

    @Override
    public void put(String text) {
      lines.add(text);
    }
  }

  private SoundnessFailure unsound(int step, Instance what, String how) {
    return new SoundnessFailure("replaying the counterexample failed at step " + step + ": " + what.describe() + " "
        + how + "; " + run + ". No counterexample is printed: this is a bug in ballot, please report it with the"
        + " model and this message");
  }

  /** Fires {@code rule} from {@code current} into {@code next}; {@code output} gets what it put (and only it). */
  private boolean fires(int rule, long[] current, long[] next, Output output) {
    output.lines.clear();
    try {
      if (!ts.guard(rule, current)) {
        return false;
      }
      System.arraycopy(current, 0, next, 0, current.length);
      return ts.fire(rule, current, next, output);
    } catch (ModelError e) {
      return false;
    }
  }

  /**
   * Whether concrete state {@code state} is {@code target} or, under reduction, in its orbit. {@code target} is
   * canonicalised in place (exactly) the first time it is needed.
   */
  private boolean reaches(long[] state, long[] target) {
    if (Arrays.equals(state, target)) {
      return true;
    }
    if (exact == null) {
      return false;
    }
    long[] c = state.clone();
    exact.canonicalize(c);
    long[] t = target.clone();
    exact.canonicalize(t);
    return Arrays.equals(c, t);
  }
}
