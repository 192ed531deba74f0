package io.ballot.dsl.format;

import io.ballot.dsl.murphi.AliasRule;
import io.ballot.dsl.murphi.Block;
import io.ballot.dsl.murphi.ChooseRule;
import io.ballot.dsl.murphi.DeclSection;
import io.ballot.dsl.murphi.Expr;
import io.ballot.dsl.murphi.MurphiPackage;
import io.ballot.dsl.murphi.PropertyRule;
import io.ballot.dsl.murphi.Quantifier;
import io.ballot.dsl.murphi.ReceiveRule;
import io.ballot.dsl.murphi.RestartRule;
import io.ballot.dsl.murphi.Rule;
import io.ballot.dsl.murphi.Ruleset;
import io.ballot.dsl.murphi.SimpleRule;
import io.ballot.dsl.murphi.StartState;
import java.util.List;
import org.eclipse.emf.ecore.EObject;

/** Prints rules of every kind; nested rules (in a ruleset, alias or choose) one level in, one per line. */
final class RulePrinter {

  private final FormatSession s;

  RulePrinter(FormatSession session) {
    this.s = session;
  }

  /** A rule of any kind, ending with {@code ;} (no newline after it). */
  void rule(Rule rule) {
    if (s.verbatim(rule)) {
      s.w(";");
      return;
    }
    if (rule instanceof SimpleRule r) {
      s.w("rule");
      if (r.getPriority() != null) {
        s.w(" " + r.getPriority());
      }
      if (r.getName() != null) {
        s.w(" ");
        s.string(r.getName());
      }
      if (r.getGuard() != null) {
        s.w(" ");
        guard(r.getGuard());
      }
      ruleBody(r, r.getDecls(), r.getBody());
    } else if (rule instanceof StartState st) {
      s.w("startstate");
      if (st.getName() != null) {
        s.w(" ");
        s.string(st.getName());
      }
      ruleBody(st, st.getDecls(), st.getBody());
    } else if (rule instanceof PropertyRule p) {
      s.statements.property(p.getKind(), p.getName(), p.getCondition());
      s.w(";");
    } else if (rule instanceof Ruleset rs) {
      s.w("ruleset ");
      List<Quantifier> qs = rs.getQuantifiers();
      for (int i = 0; i < qs.size(); i++) {
        if (i > 0) {
          s.w("; ");
        }
        s.before(qs.get(i));
        s.expressions.quantifier(qs.get(i));
      }
      s.w(" do");
      rules(rs, rs.getRules());
    } else if (rule instanceof AliasRule ar) {
      s.w("alias ");
      s.statements.aliases(ar.getAliases());
      s.w(" do");
      rules(ar, ar.getRules());
    } else if (rule instanceof ChooseRule cr) {
      s.w("choose ");
      s.expressions.multisetQuantifier(cr.getQuantifier());
      s.w(" do");
      rules(cr, cr.getRules());
    } else if (rule instanceof ReceiveRule r) {
      receive(r);
    } else if (rule instanceof RestartRule r) {
      s.w("restart");
      if (r.getName() != null) {
        s.w(" ");
        s.string(r.getName());
      }
      s.w(" ");
      s.expressions.quantifier(r.getQuantifier());
      if (r.getGuard() != null) {
        s.w(" where ");
        s.expressions.expr(r.getGuard());
      }
      if (r.getBody() != null) {
        s.w(" ==>");
        ruleBody(r, r.getDecls(), r.getBody());
      } else {
        s.w(";");
      }
    } else {
      throw FormatSession.unknown(rule);
    }
  }

  private void receive(ReceiveRule r) {
    s.w("receive");
    if (r.getName() != null) {
      s.w(" ");
      s.string(r.getName());
    }
    s.w(" " + FormatSession.refText(r, MurphiPackage.Literals.RECEIVE_RULE__NET, r.getNet()));
    s.w(" " + FormatSession.refText(r.getPattern(), MurphiPackage.Literals.MSG_PATTERN__KIND, r.getPattern().getKind()));
    if (!r.getPattern().getBinders().isEmpty()) {
      s.w("(");
      s.names(r.getPattern().getBinders());
      s.w(")");
    }
    if (r.getFrom() != null) {
      s.w(" from " + r.getFrom().getName());
    }
    if (r.getTo() != null) {
      s.w(" to " + r.getTo().getName());
    }
    if (r.getGuard() != null) {
      s.w(" where ");
      guard(r.getGuard());
    } else {
      s.w(" ==>");
    }
    ruleBody(r, r.getDecls(), r.getBody());
  }

  /**
   * A guard and its {@code ==>}: on the guard's line, or, when the guard took several lines, on a line of its own at
   * the rule's indentation.
   */
  private void guard(Expr guard) {
    int before = s.layout.lines();
    s.layout.reserve(" ==> begin".length());
    s.expressions.expr(guard);
    s.layout.reserve(0);
    s.after(guard);
    if (s.layout.lines() > before) {
      s.layout.newline();
      s.w("==>");
    } else {
      s.w(" ==>");
    }
  }

  /** The rest of a rule or start state: {@code begin} on the header line, or local sections then {@code begin}. */
  private void ruleBody(EObject rule, List<DeclSection> decls, Block body) {
    if (decls.isEmpty()) {
      s.w(" begin");
    } else {
      s.declarations.localDecls(decls);
      s.layout.newline();
      s.w("begin");
    }
    s.statements.block(body);
    s.layout.newline();
    s.w("end;");
  }

  /** Nested rules, one level in, then {@code end;} on its own line. */
  private void rules(EObject container, List<Rule> rules) {
    s.layout.indent();
    s.layout.open();
    for (Rule r : rules) {
      s.startLine(r);
      rule(r);
      s.endLine(r);
    }
    s.beforeClosing(s.lastTokenOffset(container));
    s.layout.dedent();
    s.layout.newline();
    s.w("end;");
  }
}
