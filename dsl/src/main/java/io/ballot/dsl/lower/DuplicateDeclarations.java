package io.ballot.dsl.lower;

import io.ballot.dsl.murphi.AliasRule;
import io.ballot.dsl.murphi.AliasStmt;
import io.ballot.dsl.murphi.ChooseRule;
import io.ballot.dsl.murphi.ConstGroup;
import io.ballot.dsl.murphi.DeclSection;
import io.ballot.dsl.murphi.EnumLiteral;
import io.ballot.dsl.murphi.Exists;
import io.ballot.dsl.murphi.ForStmt;
import io.ballot.dsl.murphi.Forall;
import io.ballot.dsl.murphi.Model;
import io.ballot.dsl.murphi.MultisetCount;
import io.ballot.dsl.murphi.MultisetRemovePredStmt;
import io.ballot.dsl.murphi.MurphiPackage;
import io.ballot.dsl.murphi.Named;
import io.ballot.dsl.murphi.ParamGroup;
import io.ballot.dsl.murphi.ProcDecl;
import io.ballot.dsl.murphi.Quantifier;
import io.ballot.dsl.murphi.Ruleset;
import io.ballot.dsl.murphi.SimpleRule;
import io.ballot.dsl.murphi.StartState;
import io.ballot.dsl.murphi.TopItem;
import io.ballot.dsl.murphi.TypeGroup;
import io.ballot.dsl.murphi.VarGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;

/**
 * Reports a name declared twice in one scope, with Rumur's scopes: the model (with the enum constants of its
 * types), each function (its own name, parameters and locals), each rule or start state (its locals), each
 * ruleset (its quantifiers), each alias block (its aliases), and each quantifier. Shadowing an outer scope's name
 * is allowed.
 */
final class DuplicateDeclarations {
  private final Problems problems;
  private final Locations locations;

  DuplicateDeclarations(Problems problems, Locations locations) {
    this.problems = problems;
    this.locations = locations;
  }

  void check(Model model) {
    List<Named> globals = new ArrayList<>();
    for (TopItem item : model.getItems()) {
      if (item instanceof DeclSection d) {
        declared(d, globals);
      } else if (item instanceof ProcDecl p) {
        globals.add(p);
      } else if (item instanceof io.ballot.dsl.murphi.NetworkDecl n) {
        globals.add(n);
      }
    }
    report(globals);
    for (EObject o : EcoreUtil2.eAllContents(model)) {
      List<Named> scope = new ArrayList<>();
      if (o instanceof ProcDecl p) {
        scope.add(p);
        for (ParamGroup g : p.getParams()) {
          scope.addAll(g.getNames());
        }
        p.getDecls().forEach(d -> declared(d, scope));
      } else if (o instanceof SimpleRule r) {
        r.getDecls().forEach(d -> declared(d, scope));
      } else if (o instanceof StartState s) {
        s.getDecls().forEach(d -> declared(d, scope));
      } else if (o instanceof Ruleset rs) {
        rs.getQuantifiers().forEach(q -> quantifier(q, scope));
      } else if (o instanceof AliasRule a) {
        scope.addAll(a.getAliases());
      } else if (o instanceof AliasStmt a) {
        scope.addAll(a.getAliases());
      } else if (o instanceof ForStmt f) {
        quantifier(f.getQuantifier(), scope);
      } else if (o instanceof Forall f) {
        quantifier(f.getQuantifier(), scope);
      } else if (o instanceof Exists e) {
        quantifier(e.getQuantifier(), scope);
      } else if (o instanceof io.ballot.dsl.murphi.ReceiveRule r) {
        // a name declared outside the receive is a required value, not a declaration: M(K, K) is two fields = K
        List<io.ballot.dsl.murphi.MsgBinder> binders = new ArrayList<>(r.getPattern().getBinders());
        if (r.getFrom() != null) {
          binders.add(r.getFrom());
        }
        if (r.getTo() != null) {
          binders.add(r.getTo());
        }
        binders.stream().filter(b -> io.ballot.dsl.scoping.MurphiScopeProvider.shadowedBy(b) == null)
            .forEach(scope::add);
        r.getDecls().forEach(d -> declared(d, scope));
      } else if (o instanceof io.ballot.dsl.murphi.RestartRule r) {
        quantifier(r.getQuantifier(), scope);
        r.getDecls().forEach(d -> declared(d, scope));
      } else if (o instanceof ChooseRule || o instanceof MultisetCount || o instanceof MultisetRemovePredStmt) {
        continue; // a single name: nothing can clash
      }
      report(scope);
    }
  }

  private static void quantifier(Quantifier q, List<Named> scope) {
    if (q == null) {
      return;
    }
    scope.add(q);
    if (q.getType() != null) {
      scope.addAll(EcoreUtil2.eAllOfType(q.getType(), EnumLiteral.class));
    }
  }

  /** The names a declaration section declares, with the enum constants of its types. */
  private static void declared(DeclSection section, List<Named> out) {
    for (EObject group : section.eContents()) {
      if (group instanceof ConstGroup g) {
        out.addAll(g.getNames());
      } else if (group instanceof TypeGroup g) {
        out.addAll(g.getNames());
        out.addAll(EcoreUtil2.eAllOfType(g.getType(), EnumLiteral.class));
      } else if (group instanceof VarGroup g) {
        out.addAll(g.getNames());
        out.addAll(EcoreUtil2.eAllOfType(g.getType(), EnumLiteral.class));
      }
    }
  }

  private void report(List<Named> scope) {
    Map<String, Named> seen = new HashMap<>();
    for (Named n : scope) {
      if (n.getName() == null) {
        continue;
      }
      Named first = seen.putIfAbsent(n.getName(), n);
      if (first != null) {
        problems.error(
            n, MurphiPackage.Literals.NAMED__NAME,
            "'" + n.getName() + "' is already declared in this scope, at " + locations.of(first, MurphiPackage.Literals.NAMED__NAME));
      }
    }
  }
}
