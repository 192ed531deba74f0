package io.ballot.dsl.ide.hover;

import static io.ballot.dsl.ide.hover.MurphiHoverService.text;

import io.ballot.dsl.murphi.AliasRule;
import io.ballot.dsl.murphi.AliasStmt;
import io.ballot.dsl.murphi.ChooseRule;
import io.ballot.dsl.murphi.PropertyRule;
import io.ballot.dsl.murphi.PropertyStmt;
import io.ballot.dsl.murphi.Quantifier;
import io.ballot.dsl.murphi.Ruleset;
import io.ballot.dsl.murphi.SimpleRule;
import io.ballot.dsl.murphi.StartState;
import java.util.stream.Collectors;
import org.eclipse.emf.ecore.EObject;

/**
 * Hover text for Murphi's rules and properties, shown on their keyword: {@code rule}, {@code startstate},
 * {@code ruleset}, {@code alias} (rule or statement), {@code choose}, {@code invariant}, {@code assert}, {@code assume},
 * {@code cover} and {@code liveness}.
 */
final class RuleHover {
  private RuleHover() {}

  /** One line that says what the rule or property is; null for anything else. */
  static String headline(EObject element) {
    if (element instanceof SimpleRule r) {
      return "rule" + (r.getPriority() != null ? " " + r.getPriority() : "") + name(r.getName())
          + (r.getGuard() != null ? " -- fires when " + text(r.getGuard()) : "");
    }
    if (element instanceof StartState s) {
      return "startstate" + name(s.getName());
    }
    if (element instanceof Ruleset r) {
      return "ruleset " + r.getQuantifiers().stream().map(RuleHover::quantifier).collect(Collectors.joining("; "))
          + " -- one instance of its rules per combination of values";
    }
    if (element instanceof AliasRule a) {
      return "alias " + a.getAliases().stream().map(d -> d.getName() + " : " + text(d.getValue()))
          .collect(Collectors.joining("; "));
    }
    if (element instanceof AliasStmt a) {
      return "alias " + a.getAliases().stream().map(d -> d.getName() + " : " + text(d.getValue()))
          .collect(Collectors.joining("; "));
    }
    if (element instanceof ChooseRule c) {
      return "choose " + c.getQuantifier().getName() + " : " + text(c.getQuantifier().getMultiset())
          + " -- one instance per element of the multiset";
    }
    if (element instanceof PropertyRule p) {
      return p.getKind().getLiteral() + name(p.getName()) + " " + text(p.getCondition());
    }
    if (element instanceof PropertyStmt p) {
      return p.getKind().getLiteral() + name(p.getName()) + " " + text(p.getCondition());
    }
    return null;
  }

  private static String quantifier(Quantifier q) {
    return q.getType() != null ? q.getName() + " : " + text(q.getType())
        : q.getName() + " := " + text(q.getFrom()) + " to " + text(q.getTo());
  }

  private static String name(String name) {
    return name == null ? "" : " " + name;
  }
}
