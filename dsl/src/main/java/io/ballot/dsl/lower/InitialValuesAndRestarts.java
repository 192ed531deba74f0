package io.ballot.dsl.lower;

import io.ballot.checker.ir.Binder;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.Rule;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Stmt;
import io.ballot.checker.ir.Type;
import io.ballot.checker.ir.Variable;
import io.ballot.dsl.murphi.RestartRule;
import io.ballot.dsl.murphi.VarGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Declared initial values of variables ({@code var x: T := v}) and the restart fault. Initial values are assigned at
 * the start of every start state (a model with initial values and no start state gets one, "Init"). A process of
 * type P owns the variables indexed first by P; {@code restart p : P} resets p's part of every such variable that is
 * not declared {@code durable} to its initial value, then runs the recovery body.
 */
final class InitialValuesAndRestarts {
  /** A global variable with its declaration's initial value (null: none) and durability. */
  record Declared(Variable variable, Expr initial, boolean durable, VarGroup group) {}

  private final LoweringContext cx;
  private final ExprLowering exprs;
  private final BinderLowering binders;
  private final Bodies bodies;
  private final List<Declared> declared = new ArrayList<>();

  /** {@code exprs} lowers initial values and guards, {@code binders} restart quantifiers, {@code bodies} bodies. */
  InitialValuesAndRestarts(LoweringContext cx, ExprLowering exprs, BinderLowering binders, Bodies bodies) {
    this.cx = cx;
    this.exprs = exprs;
    this.binders = binders;
    this.bodies = bodies;
  }

  /**
   * Records the global variables of {@code group} (one type), checking its initial value once: a value that does not
   * fit is one error, not one per name.
   */
  void declare(List<Variable> variables, VarGroup group) {
    Expr init = null;
    if (group.getInit() != null && !variables.isEmpty()) {
      Type type = variables.get(0).type();
      init = exprs.lower(group.getInit(), ExprLowering.Mode.NORMAL);
      if (init != null && !fits(type, init)) {
        cx.problems().error(group.getInit(), "initial value of type " + cx.typeRules().describe(init.type())
            + " does not fit " + (type.isSimple() ? "" : "every simple value inside ") + "type "
            + cx.typeRules().describe(type));
        init = null;
      }
    }
    for (Variable v : variables) {
      declared.add(new Declared(v, init, group.isDurable(), group));
    }
  }

  private static boolean fits(Type type, Expr value) {
    if (type.isSimple()) {
      return TypeRules.assignable(type, value.type());
    }
    if (type instanceof Type.ArrayType a) {
      return fits(a.element(), value);
    }
    if (type instanceof Type.RecordType r) {
      return r.fields().stream().allMatch(f -> fits(f.type(), value));
    }
    return false;
  }

  /** Where the first declared initial value is. */
  java.util.Optional<SourceLocation> initialLocation() {
    return declared.stream().filter(d -> d.initial() != null).findFirst().map(d -> cx.locations().of(d.group()));
  }

  /** The assignments of the declared initial values (fresh statements for each start state). */
  List<Stmt> initialization() {
    List<Stmt> out = new ArrayList<>();
    for (Declared d : declared) {
      if (d.initial() != null) {
        SourceLocation at = d.initial().location();
        out.addAll(Ir.fill(new Expr.VarRef(d.variable(), at), d.variable().type(), d.initial(), at, 0));
      }
    }
    return out;
  }

  /** Lowers {@code restart p : P [where g] [==> recovery end]} inside {@code outer}. */
  Rule restart(RestartRule r, List<Binder> outer) {
    SourceLocation at = cx.locations().of(r);
    Quantifier q = binders.lowerQuantifier(r.getQuantifier(), true);
    if (q == null) {
      return null;
    }
    if (!q.overType()) {
      cx.problems().error(r.getQuantifier(), "restart ranges over a process type ('p : T'), not a range of integers");
      return null;
    }
    List<Stmt> body = new ArrayList<>();
    boolean ok = true;
    int owned = 0;
    for (Declared d : declared) {
      if (!(d.variable().type() instanceof Type.ArrayType a) || !TypeRules.equal(a.index(), q.type())) {
        continue;
      }
      owned++;
      if (d.durable()) {
        continue;
      }
      if (d.initial() == null) {
        cx.problems().error(r.getQuantifier(), "restart of " + cx.typeRules().describe(q.type()) + " must reset volatile '"
            + d.variable().name() + "', which has no initial value: declare one ('"
            + d.variable().name() + ": ... := value') or declare it durable");
        ok = false;
        continue;
      }
      Expr part = Ir.element(new Expr.VarRef(d.variable(), at), Ir.ref(q.variable(), at), at);
      body.addAll(Ir.fill(part, a.element(), d.initial(), at, 0));
    }
    if (owned == 0) {
      cx.problems().warning(r.getQuantifier(), "no variable is indexed by " + cx.typeRules().describe(q.type())
          + ", so a restart resets nothing");
    }
    Expr guard = null;
    if (r.getGuard() != null) {
      guard = exprs.lower(r.getGuard(), ExprLowering.Mode.PURE);
      if (guard == null || !exprs.requireBoolean(guard, r.getGuard(), "a restart guard ('where')")) {
        return null;
      }
    }
    List<Local> locals = new ArrayList<>();
    bodies.lowerLocalDecls(r.getDecls(), locals);
    if (r.getBody() != null) {
      body.addAll(bodies.lowerBody(r.getBody(), locals));
    }
    if (!ok) {
      return null;
    }
    List<Binder> binders = new ArrayList<>(outer);
    binders.add(q);
    String name = r.getName() != null ? r.getName() : "restart";
    return new Rule(name, List.copyOf(binders), guard, locals, body, at);
  }
}
