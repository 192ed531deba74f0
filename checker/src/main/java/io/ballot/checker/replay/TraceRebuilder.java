package io.ballot.checker.replay;

import io.ballot.checker.ir.Model;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.messages.MessageTraces;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Turns a replay's history entry into the model trace that reaches it, each step beside its log line. */
final class TraceRebuilder {
  private final TransitionSystem ts;
  private final Model model;

  TraceRebuilder(TransitionSystem ts, Model model) {
    this.ts = ts;
    this.model = model;
  }

  List<ReplayStep> rebuild(ReplayHistory h, int end, List<List<LogEvent>> logs) {
    Deque<Integer> path = new ArrayDeque<>();
    for (int id = end; id >= 0; id = h.parent(id)) {
      path.push(id);
    }
    List<TraceStep> steps = new ArrayList<>();
    List<LogEvent> events = new ArrayList<>();
    long[] state = new long[ts.layout().words()];
    for (int id : path) {
      LogEvent event = h.log(id) < 0 ? null : logs.get(h.log(id)).get(h.line(id));
      switch (h.what(id)) {
        case ReplayHistory.START -> {
          run(() -> ts.runStart(h.index(id), state, Effects.NONE));
          steps.add(step(ts.start(h.index(id)), state));
          events.add(null);
        }
        case ReplayHistory.STEP, ReplayHistory.SILENT -> {
          long[] before = state.clone();
          run(() -> ts.fire(h.index(id), before, state, Effects.NONE));
          steps.add(step(ts.rule(h.index(id)), state));
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
