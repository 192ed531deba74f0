package io.ballot.cli.replay;

import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.NetworkInfo;
import io.ballot.checker.result.VariableValue;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a log may use, taken from the model: its rules with their parameters and each parameter's values, its
 * message kinds with their fields, its networks, and the designators of its state (from a start state).
 */
final class ModelVocabulary {
  final Map<String, Map<String, Set<String>>> rules = new LinkedHashMap<>();
  final Map<String, List<String>> messages = new LinkedHashMap<>();
  final Set<String> networks = new LinkedHashSet<>();
  final Set<String> designators = new LinkedHashSet<>();

  ModelVocabulary(TransitionSystem ts, Model model) {
    for (int i = 0; i < ts.ruleCount(); i++) {
      Instance inst = ts.rule(i);
      Map<String, Set<String>> params = rules.computeIfAbsent(inst.name(), n -> new LinkedHashMap<>());
      Instance.parameterValues(inst.parameters())
          .forEach((name, value) -> params.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(value));
    }
    for (NetworkInfo net : model.networks()) {
      networks.add(net.name());
      for (NetworkInfo.MessageKind k : net.messages()) {
        messages.putIfAbsent(k.name(), k.fields());
      }
    }
    for (int s = 0; s < ts.startCount(); s++) {
      long[] state = new long[ts.layout().words()];
      try {
        if (ts.runStart(s, state, Effects.NONE)) {
          for (VariableValue v : ts.render(state)) {
            designators.add(v.name());
          }
          break;
        }
      } catch (ModelError e) {
        // try the next start state
      }
    }
  }
}
