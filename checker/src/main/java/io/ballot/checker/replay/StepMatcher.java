package io.ballot.checker.replay;

import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.NetworkInfo;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.VariableValue;
import io.ballot.checker.result.messages.MessageEvent;
import io.ballot.checker.result.messages.MessageTraces;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which rule instances a logged step may stand for, and whether a step the model takes agrees with what the
 * log says of it: the rule and its logged parameters, the message it moved, the state values logged after it.
 */
final class StepMatcher {
  private final TransitionSystem ts;
  private final List<NetworkInfo> networks;
  private final MessageTraces messages;
  private final Set<String> silentRules;
  private final Map<StepPattern, int[]> candidates = new HashMap<>();
  private final List<Map<String, String>> parameters = new ArrayList<>();

  StepMatcher(TransitionSystem ts, Model model, Set<String> silentRules) {
    this.ts = ts;
    this.networks = model.networks();
    this.messages = networks.isEmpty() ? null : new MessageTraces(networks);
    this.silentRules = silentRules;
    for (int i = 0; i < ts.ruleCount(); i++) {
      parameters.add(Instance.parameterValues(ts.rule(i).parameters()));
    }
  }

  /** The rule instances that may stand for {@code pattern}, in instance order. */
  int[] candidates(StepPattern pattern) {
    return candidates.computeIfAbsent(pattern, this::findCandidates);
  }

  /** The instances of the silent rules. */
  int[] silentInstances() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < ts.ruleCount(); i++) {
      if (silentRules.contains(ts.rule(i).name())) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private int[] findCandidates(StepPattern p) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < ts.ruleCount(); i++) {
      Instance inst = ts.rule(i);
      if (p.isMessage() ? !silentRules.contains(inst.name()) && canMove(inst, p) : ruleMatches(i, p)) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private boolean ruleMatches(int i, StepPattern p) {
    if (!p.rules().contains(ts.rule(i).name())) {
      return false;
    }
    Map<String, String> have = parameters.get(i);
    for (Map.Entry<String, String> e : p.parameters().entrySet()) {
      if (!e.getValue().equals(have.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code inst} may move a message as {@code p} says: any rule may send; only its rules receive. */
  private boolean canMove(Instance inst, StepPattern p) {
    if (p.action() == MessageEvent.Action.SENT) {
      return true;
    }
    NetworkInfo.Role role = switch (p.action()) {
      case RECEIVED -> NetworkInfo.Role.RECEIVE;
      case LOST -> NetworkInfo.Role.LOSE;
      case DUPLICATED -> NetworkInfo.Role.DUPLICATE;
      default -> null;
    };
    for (NetworkInfo net : networks) {
      if (p.network() != null && !p.network().equals(net.name())) {
        continue;
      }
      for (NetworkInfo.MessageRule r : net.rules()) {
        if (r.role() == role && r.rule().equals(inst.name()) && java.util.Objects.equals(r.location(), inst.location())
            && (r.message() == null || r.message().equals(p.kind()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the step by instance {@code i} from {@code before} to {@code after} moved the message {@code p} names. */
  boolean movesMessage(int i, long[] before, long[] after, StepPattern p) {
    return moved(i, before, after).stream().anyMatch(e -> matches(e, p));
  }

  /** The messages the step by instance {@code i} from {@code before} to {@code after} moved. */
  List<MessageEvent> moved(int i, long[] before, long[] after) {
    if (messages == null) {
      return List.of();
    }
    Instance inst = ts.rule(i);
    TraceStep a = new TraceStep("", List.of(), ts.render(before), null);
    TraceStep b = new TraceStep(inst.name(), inst.parameters(), ts.render(after), inst.location());
    return messages.annotate(List.of(a, b)).get(1).messages().events();
  }

  private static boolean matches(MessageEvent e, StepPattern p) {
    if (e.action() != p.action() || !e.message().kind().equals(p.kind())
        || (p.network() != null && !p.network().equals(e.network()))) {
      return false;
    }
    Map<String, String> fields = new HashMap<>();
    e.message().fields().forEach(f -> fields.put(f.name(), f.value()));
    for (Map.Entry<String, String> want : p.fields().entrySet()) {
      if (!want.getValue().equals(fields.get(want.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Whether every value {@code observed} names has that value in {@code state}. */
  boolean agrees(long[] state, Map<String, String> observed) {
    if (observed.isEmpty()) {
      return true;
    }
    int found = 0;
    for (VariableValue v : ts.render(state)) {
      String want = observed.get(v.name());
      if (want != null) {
        if (!want.equals(v.value())) {
          return false;
        }
        found++;
      }
    }
    return found == observed.size();
  }

  /** The value of each designator {@code observed} names in {@code state} (absent: the state has no such leaf). */
  Map<String, String> values(long[] state, Set<String> names) {
    Map<String, String> out = new HashMap<>();
    for (VariableValue v : ts.render(state)) {
      if (names.contains(v.name())) {
        out.put(v.name(), v.value());
      }
    }
    return out;
  }
}
