package io.ballot.checker.replay;

import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.messages.MessageEvent;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Says why no candidate state allows a log's next line, in the model's terms: no rule of that name and those
 * parameters; a guard false everywhere, and which conjunct; an error the rule hits; a message other than the one
 * logged; a logged value the model does not allow after the step, with the values it does allow.
 */
final class RejectionExplainer {
  private static final int SHOWN = 5;
  private final TransitionSystem ts;
  private final StepMatcher matcher;
  private final GuardExplainer guards;

  RejectionExplainer(TransitionSystem ts, Model model, StepMatcher matcher) {
    this.ts = ts;
    this.matcher = matcher;
    this.guards = new GuardExplainer(model);
  }

  Rejection explain(List<List<LogEvent>> logs, Collection<Replayer.Node> stuck) {
    Map<LogEvent, List<long[]>> waiting = new LinkedHashMap<>();
    for (Replayer.Node n : stuck) {
      for (int log = 0; log < logs.size(); log++) {
        if (n.pos[log] < logs.get(log).size()) {
          waiting.computeIfAbsent(logs.get(log).get(n.pos[log]), e -> new ArrayList<>()).add(n.state);
        }
      }
    }
    LogEvent first = waiting.keySet().stream()
        .min((a, b) -> a.log() != b.log() ? Integer.compare(a.log(), b.log()) : Integer.compare(a.line(), b.line()))
        .orElseThrow();
    List<long[]> states = waiting.get(first);
    List<LogEvent> pending = waiting.keySet().stream().filter(e -> e != first).toList();
    return new Rejection(first, reasons(first, states), states.size(), pending);
  }

  private List<Rejection.Reason> reasons(LogEvent e, List<long[]> states) {
    List<Rejection.Reason> out = new ArrayList<>();
    if (e.step() == null) {
      observed(e, states, out, "");
      return out;
    }
    int[] candidates = matcher.candidates(e.step());
    if (candidates.length == 0) {
      out.add(new Rejection.Reason("no rule instance of the model can stand for " + e.step().describe(), null));
      return out;
    }
    int enabled = 0;
    Map<SourceLocation, Integer> falseConjuncts = new LinkedHashMap<>();
    Map<String, SourceLocation> errors = new LinkedHashMap<>();
    Set<String> otherMessages = new TreeSet<>();
    List<long[]> successors = new ArrayList<>();
    for (long[] s : states) {
      for (int i : candidates) {
        long[] after = s.clone();
        try {
          if (!ts.guard(i, s)) {
            Expr c = guards.falseConjunct(i, s);
            if (c != null) {
              falseConjuncts.merge(c.location(), 1, Integer::sum);
            }
            continue;
          }
          enabled++;
          if (!ts.fire(i, s, after, Effects.NONE)) {
            errors.putIfAbsent("an assume in " + ts.rule(i).describe() + " fails", ts.rule(i).location());
            continue;
          }
        } catch (ModelError err) {
          errors.putIfAbsent(ts.rule(i).describe() + " fails: " + err.getMessage(), err.location());
          continue;
        }
        if (e.step().isMessage() && !matcher.movesMessage(i, s, after, e.step())) {
          for (MessageEvent m : matcher.moved(i, s, after)) {
            otherMessages.add(m.describe(true));
          }
          continue;
        }
        successors.add(after);
      }
    }
    String what = e.step().describe();
    if (enabled == 0) {
      SourceLocation rule = ts.rule(candidates[0]).location();
      out.add(new Rejection.Reason(what + " is enabled in none of the " + states.size() + " candidate state"
          + (states.size() == 1 ? "" : "s") + (rule == null ? "" : " (the rule is at " + rule.line() + ":"
          + rule.column() + ")"), rule));
      falseConjuncts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(SHOWN)
          .forEach(c -> out.add(new Rejection.Reason("the guard's conjunct at " + c.getKey().line() + ":"
              + c.getKey().column() + " is false in " + c.getValue() + " of them", c.getKey(), true)));
      return out;
    }
    errors.forEach((text, at) -> out.add(new Rejection.Reason(text, at)));
    if (successors.isEmpty()) {
      if (e.step().isMessage()) {
        out.add(new Rejection.Reason("no enabled step " + what + (otherMessages.isEmpty() ? ""
            : "; the enabled steps moved: " + String.join("; ", limit(otherMessages))), null));
      }
      return out;
    }
    observed(e, successors, out, "after " + what + ", ");
    return out;
  }

  /** A reason per logged value that none of {@code states} has, with the values they have. */
  private void observed(LogEvent e, List<long[]> states, List<Rejection.Reason> out, String prefix) {
    Map<String, Set<String>> allowed = new TreeMap<>();
    for (long[] s : states) {
      matcher.values(s, e.observed().keySet()).forEach((k, v) -> allowed.computeIfAbsent(k, x -> new TreeSet<>())
          .add(v));
    }
    for (Map.Entry<String, String> want : new TreeMap<>(e.observed()).entrySet()) {
      Set<String> values = allowed.getOrDefault(want.getKey(), Set.of());
      if (!values.contains(want.getValue())) {
        out.add(new Rejection.Reason(prefix + "the log says " + want.getKey() + " = " + want.getValue()
            + (values.isEmpty() ? ", a variable the model does not have"
                : " where the model allows only " + String.join(", ", limit(values))), null));
      }
    }
    if (out.isEmpty()) {
      out.add(new Rejection.Reason(prefix + "no candidate state has all the logged values at once ("
          + e.observed().size() + " values logged)", null));
    }
  }

  private static List<String> limit(Set<String> values) {
    List<String> out = new ArrayList<>(new LinkedHashSet<>(values));
    if (out.size() > SHOWN) {
      int more = out.size() - SHOWN;
      out = new ArrayList<>(out.subList(0, SHOWN));
      out.add("and " + more + " more");
    }
    return out;
  }
}
