package io.ballot.dsl.scoping;

import io.ballot.dsl.ast.AstTypes;
import io.ballot.dsl.ast.NetworkQuery;
import io.ballot.dsl.murphi.AliasDecl;
import io.ballot.dsl.murphi.AliasRule;
import io.ballot.dsl.murphi.AliasStmt;
import io.ballot.dsl.murphi.BroadcastStmt;
import io.ballot.dsl.murphi.Call;
import io.ballot.dsl.murphi.ChooseRule;
import io.ballot.dsl.murphi.ConstGroup;
import io.ballot.dsl.murphi.ConstSection;
import io.ballot.dsl.murphi.DeclSection;
import io.ballot.dsl.murphi.EnumLiteral;
import io.ballot.dsl.murphi.Exists;
import io.ballot.dsl.murphi.FieldAccess;
import io.ballot.dsl.murphi.FieldGroup;
import io.ballot.dsl.murphi.ForStmt;
import io.ballot.dsl.murphi.Forall;
import io.ballot.dsl.murphi.Model;
import io.ballot.dsl.murphi.MsgBinder;
import io.ballot.dsl.murphi.MsgPattern;
import io.ballot.dsl.murphi.MultisetCount;
import io.ballot.dsl.murphi.MultisetRemovePredStmt;
import io.ballot.dsl.murphi.MurphiPackage;
import io.ballot.dsl.murphi.Named;
import io.ballot.dsl.murphi.NetworkDecl;
import io.ballot.dsl.murphi.ParamGroup;
import io.ballot.dsl.murphi.ProcDecl;
import io.ballot.dsl.murphi.ReceiveRule;
import io.ballot.dsl.murphi.RecordType;
import io.ballot.dsl.murphi.RestartRule;
import io.ballot.dsl.murphi.Ruleset;
import io.ballot.dsl.murphi.SimpleRule;
import io.ballot.dsl.murphi.StartState;
import io.ballot.dsl.murphi.TopItem;
import io.ballot.dsl.murphi.TypeExpr;
import io.ballot.dsl.murphi.TypeGroup;
import io.ballot.dsl.murphi.TypeSection;
import io.ballot.dsl.murphi.VarGroup;
import io.ballot.dsl.murphi.VarSection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;

/**
 * Murphi's lexical scoping. A name is visible after its declaration (never before), in the block that declares it
 * and the blocks nested inside; an inner declaration shadows an outer one. Blocks are: the model, a function (its
 * parameters, then its local declarations), a rule or start state (its local declarations), a ruleset (its
 * quantifiers), an alias (its aliases, each visible to the later ones), a {@code for}, {@code forall},
 * {@code exists} or multiset quantifier (in its body only). Enum constants are declared where their enum is.
 * Record fields are looked up in the record type of the expression before the dot.
 */
public class MurphiScopeProvider extends AbstractMurphiScopeProvider {

  @Override
  public IScope getScope(EObject context, EReference reference) {
    if (reference == MurphiPackage.Literals.FIELD_ACCESS__FIELD) {
      return fieldScope(context);
    }
    if ((reference == MurphiPackage.Literals.ID_REF__REF || reference == MurphiPackage.Literals.CALL__CALLEE)
        && NetworkQuery.isMessageName(context)) {
      // the Msg of inflight(net, Msg(args)): a message kind of that network
      NetworkDecl net = NetworkQuery.network((Call) context.eContainer());
      return net == null ? IScope.NULLSCOPE : Scopes.scopeFor(net.getMessages());
    }
    if (reference == MurphiPackage.Literals.ID_REF__REF) {
      return lexicalScope(context);
    }
    if (reference == MurphiPackage.Literals.CALL__CALLEE) {
      return new FunctionScope(lexicalScope(context, Builtins.scope(context)));
    }
    if (reference == MurphiPackage.Literals.PROC_CALL__CALLEE) {
      return new FunctionScope(lexicalScope(context));
    }
    if (reference == MurphiPackage.Literals.MSG_EXPR__KIND || reference == MurphiPackage.Literals.MSG_PATTERN__KIND) {
      NetworkDecl net = networkOf(context);
      return net == null ? IScope.NULLSCOPE : Scopes.scopeFor(net.getMessages());
    }
    return super.getScope(context, reference);
  }

  /**
   * The network a message value or receive pattern belongs to: the {@code net} of the statement, rule or
   * expression around it ({@code send}, {@code broadcast}, {@code receive}, {@code inflight}), or of
   * {@code message} itself when it is one of those (content assist, before the message is parsed); null when that
   * name does not resolve to a network.
   */
  public static NetworkDecl networkOf(EObject message) {
    EObject[] candidates = {message, message == null ? null : message.eContainer()};
    for (EObject o : candidates) {
      var feature = o == null ? null : o.eClass().getEStructuralFeature("net");
      if (feature instanceof EReference) {
        Object net = o.eGet(feature, true);
        return net instanceof NetworkDecl d && !d.eIsProxy() ? d : null;
      }
    }
    return null;
  }

  private IScope fieldScope(EObject context) {
    if (!(context instanceof FieldAccess access)) {
      return IScope.NULLSCOPE;
    }
    TypeExpr type = AstTypes.typeOf(access.getRecord());
    if (!(type instanceof RecordType record)) {
      return IScope.NULLSCOPE;
    }
    List<EObject> fields = new ArrayList<>();
    for (FieldGroup g : record.getGroups()) {
      fields.addAll(g.getNames());
    }
    return Scopes.scopeFor(fields);
  }

  /** Every name visible at {@code context}, of any kind (for messages about names of the wrong kind). */
  public IScope allNames(EObject context) {
    return lexicalScope(context);
  }

  /** Builds the chain of scopes from the model (outermost) down to the block around {@code context}. */
  private static IScope lexicalScope(EObject context) {
    return lexicalScope(context, IScope.NULLSCOPE);
  }

  /** {@link #lexicalScope(EObject)} inside {@code outermost} (names declared outside the model). */
  private static IScope lexicalScope(EObject context, IScope outermost) {
    List<EObject> path = new ArrayList<>();
    for (EObject o = context; o != null; o = o.eContainer()) {
      path.add(o);
    }
    Collections.reverse(path);
    IScope scope = outermost;
    for (int i = 0; i < path.size() - 1; i++) {
      EObject block = path.get(i);
      EObject child = path.get(i + 1);
      if (block instanceof Model || block instanceof DeclSection) {
        // Blocks with many declarations: an index, not a list of the names before child (see DeclarationIndex).
        scope = declaredBefore(block, child, scope);
        continue;
      }
      List<Named> names = visibleIn(block, child);
      if (!names.isEmpty()) {
        scope = Scopes.scopeFor(names, scope);
      }
    }
    return scope;
  }

  /**
   * The names the model's items (or a declaration section's groups) before {@code child} declare, and a function's
   * own name inside it (recursion: a function is visible in its own body).
   */
  private static IScope declaredBefore(EObject block, EObject child, IScope outer) {
    List<? extends EObject> children = block instanceof Model m ? m.getItems() : block.eContents();
    DeclarationIndex index = DeclarationIndex.of(block, children, MurphiScopeProvider::addDeclared);
    int position = index.positionOf(child);
    if (position < 0) {
      return outer;
    }
    EObject extra = block instanceof Model && child instanceof ProcDecl p ? p : null;
    return extra == null && index.isEmptyBefore(position) ? outer : index.before(position, extra, outer);
  }

  /** The names that {@code block} makes visible to its child {@code child} (and everything inside it). */
  private static List<Named> visibleIn(EObject block, EObject child) {
    List<Named> names = new ArrayList<>();
    if (block instanceof ProcDecl proc) {
      if (child != proc.getReturnType()) {
        for (ParamGroup g : proc.getParams()) {
          if (g == child) {
            break;
          }
          names.addAll(g.getNames());
        }
      }
      addPreceding(proc.getDecls(), child, proc.getBody(), names);
    } else if (block instanceof SimpleRule rule) {
      addPreceding(rule.getDecls(), child, rule.getBody(), names);
    } else if (block instanceof StartState start) {
      addPreceding(start.getDecls(), child, start.getBody(), names);
    } else if (block instanceof Ruleset ruleset) {
      for (var q : ruleset.getQuantifiers()) {
        if (q == child) {
          break;
        }
        names.add(q);
      }
    } else if (block instanceof AliasRule alias) {
      addAliases(alias.getAliases(), child, names);
    } else if (block instanceof AliasStmt alias) {
      addAliases(alias.getAliases(), child, names);
    } else if (block instanceof ChooseRule choose) {
      if (child != choose.getQuantifier()) {
        names.add(choose.getQuantifier());
      }
    } else if (block instanceof ForStmt f) {
      if (child == f.getBody()) {
        names.add(f.getQuantifier());
      }
    } else if (block instanceof Forall f) {
      if (child == f.getBody()) {
        names.add(f.getQuantifier());
      }
    } else if (block instanceof Exists e) {
      if (child == e.getBody()) {
        names.add(e.getQuantifier());
      }
    } else if (block instanceof MultisetCount c) {
      if (child == c.getPredicate()) {
        names.add(c.getQuantifier());
      }
    } else if (block instanceof ReceiveRule r) {
      // Pattern binders, then the sender and receiver names, are visible in the guard, the declarations and the body;
      // a binder whose name is already declared outside is no new name (see shadowedBy): the name keeps its meaning.
      if (child != r.getPattern() && child != r.getFrom() && child != r.getTo()) {
        List<MsgBinder> binders = new ArrayList<>(r.getPattern().getBinders());
        if (r.getFrom() != null) {
          binders.add(r.getFrom());
        }
        if (r.getTo() != null) {
          binders.add(r.getTo());
        }
        for (MsgBinder b : binders) {
          if (shadowedBy(b) == null) {
            names.add(b);
          }
        }
        addPreceding(r.getDecls(), child, r.getBody(), names);
      }
    } else if (block instanceof MsgPattern) {
      return names;
    } else if (block instanceof BroadcastStmt b) {
      // The receiver quantifier is visible in the message, the sender and the exception (not in its own type).
      if (child != b.getQuantifier()) {
        names.add(b.getQuantifier());
      }
    } else if (block instanceof RestartRule r) {
      if (child != r.getQuantifier()) {
        names.add(r.getQuantifier());
        addPreceding(r.getDecls(), child, r.getBody(), names);
      }
    } else if (block instanceof MultisetRemovePredStmt r) {
      if (child == r.getPredicate()) {
        names.add(r.getQuantifier());
      }
    }
    return names;
  }

  /**
   * The declaration that receive-pattern name {@code b} (a field binder, or the {@code from}/{@code to} name) has
   * just outside its receive rule, or null when the name is new there. Such a name is not bound again: when it is a
   * constant, an enum value, a ruleset parameter or an alias, the pattern requires the field to equal it (lowered by
   * Networks); any other declaration is an error there.
   */
  public static Named shadowedBy(MsgBinder b) {
    if (b.getName() == null || !(b.eContainer() instanceof ReceiveRule || b.eContainer() instanceof MsgPattern)) {
      return null;
    }
    EObject rule = b.eContainer() instanceof MsgPattern p ? p.eContainer() : b.eContainer();
    if (!(rule instanceof ReceiveRule r)) {
      return null;
    }
    IEObjectDescription d = lexicalScope(r.getPattern()).getSingleElement(QualifiedName.create(b.getName()));
    return d != null && d.getEObjectOrProxy() instanceof Named n && !n.eIsProxy() ? n : null;
  }

  private static void addAliases(EList<AliasDecl> aliases, EObject child, List<Named> names) {
    for (AliasDecl a : aliases) {
      if (a == child) {
        break;
      }
      names.add(a);
    }
  }

  /** Local declaration sections before {@code child}; all of them when child is the body; none elsewhere. */
  private static void addPreceding(
      EList<DeclSection> sections, EObject child, EObject body, List<Named> names) {
    if (child != body && !sections.contains(child)) {
      return;
    }
    for (DeclSection s : sections) {
      if (s == child) {
        break;
      }
      addDeclared(s, names);
    }
  }

  /** Every name a declaration section or group declares, enum constants inside its types included. */
  private static void addDeclared(EObject declaration, List<? super Named> names) {
    if (declaration instanceof ConstSection || declaration instanceof TypeSection || declaration instanceof VarSection) {
      for (EObject group : declaration.eContents()) {
        addDeclared(group, names);
      }
    } else if (declaration instanceof ConstGroup g) {
      names.addAll(g.getNames());
    } else if (declaration instanceof TypeGroup g) {
      names.addAll(g.getNames());
      names.addAll(EcoreUtil2.eAllOfType(g.getType(), EnumLiteral.class));
    } else if (declaration instanceof VarGroup g) {
      names.addAll(g.getNames());
      names.addAll(EcoreUtil2.eAllOfType(g.getType(), EnumLiteral.class));
    } else if (declaration instanceof ProcDecl p) {
      names.add(p);
    } else if (declaration instanceof NetworkDecl n) {
      names.add(n);
    }
  }
}
