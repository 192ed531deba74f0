package io.ballot.dsl.lower;

import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Binder;
import io.ballot.checker.ir.Choose;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Expr.BinaryOp;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.NetworkInfo;
import io.ballot.checker.ir.Rule;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Stmt;
import io.ballot.checker.ir.Type;
import io.ballot.checker.state.Values;
import io.ballot.dsl.lower.Networks.Message;
import io.ballot.dsl.lower.Networks.Network;
import io.ballot.dsl.murphi.AliasDecl;
import io.ballot.dsl.murphi.ConstName;
import io.ballot.dsl.murphi.EnumLiteral;
import io.ballot.dsl.murphi.MsgBinder;
import io.ballot.dsl.murphi.Named;
import io.ballot.dsl.murphi.NetKind;
import io.ballot.dsl.murphi.Quantifier;
import io.ballot.dsl.murphi.ReceiveRule;
import io.ballot.dsl.scoping.MurphiScopeProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers {@code receive} rules: a rule per deliverable message that matches the pattern. A pattern name that is new
 * binds the field; a name already declared outside the rule (a ruleset parameter, an alias, a constant, an enum
 * value) keeps its meaning and requires the field to equal it, as a P or TLA+ user reads it; a name of anything
 * else declared outside (a variable, a type...) is an error, never a silent rebinding.
 */
final class Receiving {
  private final LoweringContext cx;
  private final ExprLowering exprs;
  private final Networks networks;
  private final Bodies bodies;

  /** {@code exprs} lowers guards and bound values, {@code networks} resolves messages, {@code bodies} the body. */
  Receiving(LoweringContext cx, ExprLowering exprs, Networks networks, Bodies bodies) {
    this.cx = cx;
    this.exprs = exprs;
    this.networks = networks;
    this.bodies = bodies;
  }

  /** A pattern name: {@code value} is what it must equal, or null for a new name; {@code ok} false when rejected. */
  private record Name(MsgBinder binder, Expr value, boolean ok) {}

  /** Reads pattern name {@code b}, which stands for a value of type {@code t} ({@code what}). */
  private Name name(MsgBinder b, Type t, String what) {
    if (b == null) {
      return new Name(null, null, true);
    }
    Named outer = MurphiScopeProvider.shadowedBy(b);
    if (outer == null) {
      return new Name(b, null, true);
    }
    SourceLocation at = cx.locations().of(b);
    if (!(outer instanceof Quantifier || outer instanceof AliasDecl || outer instanceof ConstName
        || outer instanceof EnumLiteral)) {
      cx.problems().error(b, "'" + b.getName() + "' is already declared (" + describe(outer) + " at line "
          + cx.locations().of(outer).line() + "): a pattern name declared outside the receive means 'this field equals"
          + " it' only for a constant, an enum value, a ruleset parameter or an alias; use a new name (and compare"
          + " in 'where')");
      return new Name(b, null, false);
    }
    Expr v = exprs.valueOf(outer, b, at);
    if (v == null) {
      return new Name(b, null, false);
    }
    if (!TypeRules.comparable(t, v.type())) {
      cx.problems().error(b, "'" + b.getName() + "' is " + describe(outer) + " of type " + cx.typeRules().describe(v.type())
          + " declared outside the receive, so the pattern requires " + what + " to equal it; but " + what
          + " has type " + cx.typeRules().describe(t) + "; use a new name");
      return new Name(b, null, false);
    }
    return new Name(b, v, true);
  }

  private static String describe(Named n) {
    return switch (n.eClass().getName()) {
      case "VarName" -> "a variable";
      case "TypeName" -> "a type";
      case "ConstName" -> "a constant";
      case "EnumLiteral" -> "an enum value";
      case "Quantifier" -> "a ruleset parameter";
      case "AliasDecl" -> "an alias";
      case "ProcDecl" -> "a function";
      case "NetworkDecl" -> "a network";
      case "MultisetQuantifier" -> "a multiset index";
      default -> "a name";
    };
  }

  /** A fresh quantifier named by pattern name {@code n} (or {@code fallback}) over {@code t}, added to binders. */
  private Expr bind(Name n, String fallback, Type t, List<Binder> binders, SourceLocation at) {
    if (n.value() != null) {
      return n.value();
    }
    Local q = new Local(n.binder() != null ? n.binder().getName() : fallback, Local.Kind.QUANTIFIER, t,
        n.binder() != null ? cx.locations().of(n.binder()) : at);
    binders.add(Networks.over(q, at));
    if (n.binder() != null) {
      cx.bindings().put(n.binder(), q);
    }
    return Ir.ref(q, at);
  }

  /** Lowers a receive rule inside {@code outer}; null when invalid (reported). */
  Rule receive(ReceiveRule r, List<Binder> outer) {
    SourceLocation at = cx.locations().of(r);
    Network n = networks.network(r, r.getNet());
    if (n == null) {
      return null;
    }
    List<MsgBinder> binders = r.getPattern().getBinders();
    Message m = networks.message(n, r.getPattern(), r.getPattern().getKind(), binders.size());
    if (m == null) {
      return null;
    }
    if (n.kind() != NetKind.ORDERED && (r.getFrom() != null || r.getTo() != null)) {
      cx.problems().error(r.getFrom() != null ? r.getFrom() : r.getTo(), Networks.fromToMisuse(n));
      return null;
    }
    List<Name> names = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < binders.size(); i++) {
      Name name = name(binders.get(i), m.types().get(i), "field '" + m.fields().get(i) + "'");
      names.add(name);
      ok &= name.ok();
    }
    Name from = n.kind() == NetKind.ORDERED ? name(r.getFrom(), n.endpoint(), "the sender") : null;
    Name to = n.kind() == NetKind.ORDERED ? name(r.getTo(), n.endpoint(), "the receiver") : null;
    if (!ok || (from != null && !from.ok()) || (to != null && !to.ok())) {
      return null;
    }
    String ruleName = r.getName() != null ? r.getName() : "receive " + m.name() + " on " + n.decl().getName();
    List<Binder> ruleBinders = new ArrayList<>(outer);
    List<Local> locals = new ArrayList<>();
    List<Stmt> prologue = new ArrayList<>();
    Expr var = new Expr.VarRef(n.variable(), at);
    Expr present;
    String slotName = null;
    List<Local> copiesOf = new ArrayList<>(); // the body's copy of each new name (null for a required value)
    if (n.kind() == NetKind.SET) {
      present = Ir.field(var, m.name(), at);
      for (int i = 0; i < names.size(); i++) {
        present = Ir.element(present, bind(names.get(i), null, m.types().get(i), ruleBinders, at), at);
      }
    } else {
      Expr message;
      if (n.kind() == NetKind.UNORDERED) {
        Local i = new Local(n.decl().getName() + "_slot", Local.Kind.MULTISET_INDEX,
            new Type.RangeType(0, n.capacity() - 1), at);
        slotName = i.name();
        ruleBinders.add(new Choose(i, var, at));
        message = Ir.element(var, Ir.ref(i, at), at);
        prologue.add(new Stmt.MultisetRemove(Ir.ref(i, at), var, at));
        present = Networks.matches(n, m, message, List.of(), at);
      } else {
        Expr s = bind(from, "from", n.endpoint(), ruleBinders, at);
        Expr rcv = bind(to, "to", n.endpoint(), ruleBinders, at);
        Expr q = Ir.element(Ir.element(var, s, at), rcv, at);
        message = Ir.element(Ir.field(q, "slot", at), Ir.integer(0, at), at);
        prologue.addAll(Networks.removeAt(n, q, Ir.integer(0, at), at));
        present = Ir.and(at,
            Ir.binary(BinaryOp.GT, Ir.field(q, "count", at), Ir.integer(0, at), at),
            Networks.matches(n, m, message, List.of(), at));
      }
      // The guard reads the fields in place (aliases); the body reads copies, taken before the message is removed.
      List<Stmt> copies = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        Name name = names.get(i);
        SourceLocation bat = cx.locations().of(name.binder());
        Expr field = Ir.field(message, m.fields().get(i), bat);
        if (name.value() != null) {
          present = Ir.and(at, present, Ir.binary(BinaryOp.EQ, field, name.value(), bat));
          copiesOf.add(null);
          continue;
        }
        Local alias = new Local(name.binder().getName(), Local.Kind.ALIAS, m.types().get(i), bat);
        AliasBinding binding = new AliasBinding(alias, field, bat);
        ruleBinders.add(binding);
        cx.aliases().put(alias, binding);
        cx.bindings().put(name.binder(), binding);
        Local copy = new Local(name.binder().getName(), Local.Kind.VARIABLE, m.types().get(i), bat);
        locals.add(copy);
        copiesOf.add(copy);
        copies.add(new Stmt.Assign(Ir.ref(copy, bat), Ir.ref(alias, bat), bat));
      }
      prologue.addAll(0, copies);
    }
    Expr where = null;
    if (r.getGuard() != null) {
      where = exprs.lower(r.getGuard(), ExprLowering.Mode.PURE);
      if (where == null || !exprs.requireBoolean(where, r.getGuard(), "a receive guard ('where')")) {
        return null;
      }
    }
    for (int i = 0; i < copiesOf.size(); i++) {
      if (copiesOf.get(i) != null) {
        cx.bindings().put(names.get(i).binder(), copiesOf.get(i)); // the body sees the copies
      }
    }
    bodies.lowerLocalDecls(r.getDecls(), locals);
    List<Stmt> body = new ArrayList<>(prologue);
    body.addAll(bodies.lowerBody(r.getBody(), locals));
    Rule rule = new Rule(ruleName, List.copyOf(ruleBinders), Ir.and(at, present, where), locals, body, at);
    // for the trace: the parameters that name the sender, the receiver and (set networks) the fields
    NetworkInfo.Endpoint fromName = endpoint(from, "from");
    NetworkInfo.Endpoint toName = endpoint(to, "to");
    List<String> fieldParameters = n.kind() == NetKind.SET
        ? binders.stream().map(MsgBinder::getName).toList() : List.of();
    return networks.described(n, rule, NetworkInfo.Role.RECEIVE, m.name(), slotName, fromName, toName, null,
        fieldParameters, slotName == null ? List.of() : List.of(slotName));
  }

  /**
   * How a trace finds an ordered network's sender or receiver in a receive step ({@link NetworkInfo.MessageRule}):
   * the parameter that holds it, or the fixed value (an enum value or a constant) the rule names.
   */
  private static NetworkInfo.Endpoint endpoint(Name n, String fallback) {
    if (n == null) {
      return null;
    }
    if (n.value() instanceof Expr.Literal fixed) {
      return NetworkInfo.Endpoint.fixed(Values.text(fixed.type(), fixed.value()));
    }
    return NetworkInfo.Endpoint.parameter(n.binder() != null ? n.binder().getName() : fallback);
  }
}
