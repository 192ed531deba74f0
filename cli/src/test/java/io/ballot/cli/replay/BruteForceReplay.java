package io.ballot.cli.replay;

import io.ballot.checker.ir.Model;
import io.ballot.checker.replay.LogEvent;
import io.ballot.checker.replay.StepPattern;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.VariableValue;
import io.ballot.checker.result.messages.MessageEvent;
import io.ballot.checker.result.messages.MessageTraces;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test's own answer to "does some execution of the model produce these logs": a depth-first search over
 * executions, one model step at a time, written independently of the replayer (no frontier, no shared matching
 * code), on whatever transition system it is given (the tests give it the interpreter, the replayer compiled code).
 */
final class BruteForceReplay {
  private final TransitionSystem ts;
  private final MessageTraces messages;
  private final Set<String> silent;
  private final int silentSteps;
  private final Set<String> visited = new HashSet<>();

  BruteForceReplay(TransitionSystem ts, Model model, Set<String> silent, int silentSteps) {
    this.ts = ts;
    this.messages = model.networks().isEmpty() ? null : new MessageTraces(model.networks());
    this.silent = silent;
    this.silentSteps = silentSteps;
  }

  boolean accepts(List<List<LogEvent>> logs) {
    for (int s = 0; s < ts.startCount(); s++) {
      long[] state = new long[ts.layout().words()];
      try {
        if (ts.runStart(s, state, Effects.NONE) && search(logs, state, new int[logs.size()], silentSteps)) {
          return true;
        }
      } catch (ModelError e) {
        // not a start state
      }
    }
    return false;
  }

  private boolean search(List<List<LogEvent>> logs, long[] state, int[] pos, int budget) {
    if (!visited.add(Arrays.toString(state) + Arrays.toString(pos) + budget)) {
      return false;
    }
    boolean done = true;
    for (int log = 0; log < logs.size(); log++) {
      if (pos[log] < logs.get(log).size()) {
        done = false;
        LogEvent e = logs.get(log).get(pos[log]);
        if (!clockAllows(logs, pos, log)) {
          continue;
        }
        int[] next = pos.clone();
        next[log]++;
        if (e.step() == null) {
          if (observed(state, e.observed()) && search(logs, state, next, silentSteps)) {
            return true;
          }
          continue;
        }
        for (int i = 0; i < ts.ruleCount(); i++) {
          long[] after = fire(i, state);
          if (after != null && !silent.contains(ts.rule(i).name()) && stands(i, state, after, e.step())
              && observed(after, e.observed()) && search(logs, after, next, silentSteps)) {
            return true;
          }
        }
      }
    }
    if (done) {
      return true;
    }
    if (budget > 0) {
      for (int i = 0; i < ts.ruleCount(); i++) {
        if (silent.contains(ts.rule(i).name())) {
          long[] after = fire(i, state);
          if (after != null && search(logs, after, pos, budget - 1)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean clockAllows(List<List<LogEvent>> logs, int[] pos, int log) {
    Long c = logs.get(log).get(pos[log]).clock();
    for (int o = 0; o < logs.size() && c != null; o++) {
      if (o != log && pos[o] < logs.get(o).size()) {
        Long d = logs.get(o).get(pos[o]).clock();
        if (d != null && d < c) {
          return false;
        }
      }
    }
    return true;
  }

  private long[] fire(int i, long[] state) {
    long[] after = state.clone();
    try {
      return ts.guard(i, state) && ts.fire(i, state, after, Effects.NONE) ? after : null;
    } catch (ModelError e) {
      return null;
    }
  }

  private boolean stands(int i, long[] before, long[] after, StepPattern p) {
    Instance inst = ts.rule(i);
    if (!p.isMessage()) {
      if (!inst.name().equals(p.rule())) {
        return false;
      }
      for (Map.Entry<String, String> want : p.parameters().entrySet()) {
        if (!inst.parameters().contains(want.getKey() + ": " + want.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (messages == null) {
      return false;
    }
    List<TraceStep> two = messages.annotate(List.of(
        new TraceStep("", List.of(), ts.render(before), null),
        new TraceStep(inst.name(), inst.parameters(), ts.render(after), inst.location())));
    for (MessageEvent m : two.get(1).messages().events()) {
      if (m.action() == p.action() && m.message().kind().equals(p.kind())
          && (p.network() == null || p.network().equals(m.network()))) {
        List<String> fields = new ArrayList<>();
        m.message().fields().forEach(f -> fields.add(f.name() + "=" + f.value()));
        if (p.fields().entrySet().stream().allMatch(f -> fields.contains(f.getKey() + "=" + f.getValue()))) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean observed(long[] state, Map<String, String> observed) {
    int seen = 0;
    for (VariableValue v : ts.render(state)) {
      String want = observed.get(v.name());
      if (want != null) {
        if (!want.equals(v.value())) {
          return false;
        }
        seen++;
      }
    }
    return seen == observed.size();
  }
}
