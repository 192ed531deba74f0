package io.ballot.checker.replay;

import io.ballot.checker.ir.Model;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.messages.MessageTraces;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a replay's history entry into the model trace that reaches it, each step beside its log line. Under symmetry
 * reduction the recorded states are representatives, each a renaming of what its parent's step produced; the
 * renamings are undone from the end backwards, so the trace is one execution of the model, in the log's own values
 * (the renamings fix every value the log named), whose steps are the recorded rule instances renamed alike.
 */
final class TraceRebuilder {
  private final TransitionSystem ts;
  private final Model model;
  private final StepMatcher matcher;
  private final LogSymmetry sym;

  TraceRebuilder(TransitionSystem ts, Model model, StepMatcher matcher, LogSymmetry sym) {
    this.ts = ts;
    this.model = model;
    this.matcher = matcher;
    this.sym = sym;
  }

  List<ReplayStep> rebuild(ReplayHistory h, int end, List<List<LogEvent>> logs) {
    List<Integer> path = new ArrayList<>();
    for (int id = end; id >= 0; id = h.parent(id)) {
      path.add(0, id);
    }
    int length = path.size();
    long[][] reps = new long[length][];
    boolean renamed = false;
    for (int j = 0; j < length; j++) {
      int id = path.get(j);
      long[] after = new long[ts.layout().words()];
      switch (h.what(id)) {
        case ReplayHistory.START -> run(() -> ts.runStart(h.index(id), after, Effects.NONE));
        case ReplayHistory.STEP, ReplayHistory.SILENT -> {
          long[] before = renamed(h.pre(id), reps[j - 1]);
          System.arraycopy(before, 0, after, 0, after.length); // fire writes over a copy of the state before
          run(() -> ts.fire(h.index(id), before, after, Effects.NONE));
        }
        default -> System.arraycopy(renamed(h.pre(id), reps[j - 1]), 0, after, 0, after.length); // observed
      }
      reps[j] = renamed(h.post(id), after);
      renamed |= h.pre(id) >= 0 || h.post(id) >= 0;
    }
    // the state at step j of the execution: the representative renamed by every renaming after it, in turn
    long[][] states = reps;
    if (renamed) {
      states = new long[length][];
      int[][] later = null;
      for (int j = length - 1; j >= 0; j--) {
        int id = path.get(j);
        states[j] = sym.rename(later, reps[j]);
        later = LogSymmetry.compose(later, LogSymmetry.compose(sym.permutation(h.post(id)),
            sym.permutation(h.pre(id))));
      }
    }
    List<TraceStep> steps = new ArrayList<>();
    List<LogEvent> events = new ArrayList<>();
    for (int j = 0; j < length; j++) {
      int id = path.get(j);
      LogEvent event = h.log(id) < 0 ? null : logs.get(h.log(id)).get(h.line(id));
      switch (h.what(id)) {
        case ReplayHistory.START -> {
          steps.add(step(ts.start(h.index(id)), states[j]));
          events.add(null);
        }
        case ReplayHistory.STEP, ReplayHistory.SILENT -> {
          int rule = renamed ? instance(h.index(id), event, states[j - 1], states[j]) : h.index(id);
          steps.add(step(ts.rule(rule), states[j]));
          events.add(event);
        }
        default -> { } // a line that only observed: no step of the model
      }
    }
    if (!model.networks().isEmpty()) {
      steps = new MessageTraces(model.networks()).annotate(steps);
    }
    List<ReplayStep> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      out.add(new ReplayStep(steps.get(i), events.get(i)));
    }
    return out;
  }

  private long[] renamed(int perm, long[] state) {
    return perm < 0 ? state : sym.apply(perm, state);
  }

  /**
   * The instance of the same rule as {@code recorded} that takes {@code before} to {@code after} and agrees with
   * {@code event} (null: a silent step): the recorded instance renamed as the states were, which exists because
   * the model is symmetric.
   */
  private int instance(int recorded, LogEvent event, long[] before, long[] after) {
    String name = ts.rule(recorded).name();
    List<Integer> tried = new ArrayList<>();
    tried.add(recorded);
    if (event != null && event.step() != null) {
      for (int i : matcher.candidates(event.step())) {
        tried.add(i);
      }
    } else {
      for (int i = 0; i < ts.ruleCount(); i++) {
        tried.add(i);
      }
    }
    long[] image = new long[after.length];
    for (int i : tried) {
      if (!ts.rule(i).name().equals(name)) {
        continue;
      }
      try {
        System.arraycopy(before, 0, image, 0, before.length);
        if (ts.guard(i, before) && ts.fire(i, before, image, Effects.NONE) && Arrays.equals(image, after)
            && (event == null || event.step() == null || !event.step().isMessage()
                || matcher.movesMessage(i, before, after, event.step()))) {
          return i;
        }
      } catch (ModelError e) {
        // not this one
      }
    }
    throw new IllegalStateException("no instance of " + name + " replays a renamed step");
  }

  private TraceStep step(Instance inst, long[] state) {
    return new TraceStep(inst.name(), inst.parameters(), ts.render(state), inst.location());
  }

  private interface Firing {
    boolean run() throws ModelError;
  }

  /** Fires a recorded step again; it succeeded when recorded, so a failure now is a bug in the replay. */
  private static void run(Firing f) {
    try {
      if (!f.run()) {
        throw new IllegalStateException("a recorded replay step no longer fires");
      }
    } catch (ModelError e) {
      throw new IllegalStateException("a recorded replay step no longer fires: " + e.getMessage(), e);
    }
  }
}
