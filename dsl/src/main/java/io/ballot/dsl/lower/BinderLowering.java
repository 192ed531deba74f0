package io.ballot.dsl.lower;

import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Choose;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Expr.Literal;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Type;
import io.ballot.dsl.lower.ExprLowering.Mode;
import io.ballot.dsl.murphi.AliasDecl;
import io.ballot.dsl.murphi.ChooseRule;
import io.ballot.dsl.murphi.MultisetQuantifier;
import io.ballot.dsl.murphi.MurphiPackage;
import org.eclipse.emf.ecore.EObject;

/**
 * Lowers what binds a name: quantifiers (of forall, exists, for and rulesets), aliases, chooses and multiset
 * quantifiers, binding each name to its IR local.
 */
final class BinderLowering {
  private final LoweringContext cx;
  private final ExprLowering exprs;
  private final TypeLowering types;

  /** {@code exprs} lowers bounds, bodies and aliased values; {@code types} the types quantifiers range over. */
  BinderLowering(LoweringContext cx, ExprLowering exprs, TypeLowering types) {
    this.cx = cx;
    this.exprs = exprs;
    this.types = types;
  }

  Expr quantified(
      boolean universal, io.ballot.dsl.murphi.Quantifier q, io.ballot.dsl.murphi.Expr body, EObject e, Mode mode,
      SourceLocation at) {
    Quantifier quantifier = lowerQuantifier(q, false);
    Expr b = exprs.lower(body, mode);
    if (quantifier == null || b == null) {
      return null;
    }
    if (!exprs.requireBoolean(b, body, "the body of " + (universal ? "forall" : "exists"))) {
      return null;
    }
    return new Expr.Quantified(universal, quantifier, b, at);
  }

  /**
   * Lowers a quantifier and binds its variable. Ruleset quantifiers ({@code mustBeConstant}) need constant bounds,
   * since they name rule instances.
   */
  Quantifier lowerQuantifier(io.ballot.dsl.murphi.Quantifier q, boolean mustBeConstant) {
    SourceLocation at = cx.locations().of(q);
    if (q.getType() != null) {
      Type t = types.lower(q.getType(), null);
      if (t == null) {
        return null;
      }
      if (!t.isSimple() || t instanceof Type.RealType) {
        cx.problems().error(q.getType(), "a quantifier must range over a simple type, not " + cx.typeRules().describe(t)
            + (t instanceof Type.RealType ? " (a real type has too many values to enumerate)" : ""));
        return null;
      }
      Local v = new Local(q.getName(), Local.Kind.QUANTIFIER, t, cx.locations().of(q, MurphiPackage.Literals.NAMED__NAME));
      cx.bindings().put(q, v);
      return new Quantifier(v, t, null, null, null, at);
    }
    Mode mode = mustBeConstant ? Mode.CONSTANT : Mode.NORMAL;
    Expr from = exprs.lower(q.getFrom(), mode);
    Expr to = exprs.lower(q.getTo(), mode);
    Expr step = q.getStep() == null ? null : exprs.lower(q.getStep(), mode);
    if (from == null || to == null || (q.getStep() != null && step == null)) {
      return null;
    }
    boolean ok = true;
    for (Expr bound : new Expr[] {from, to, step}) {
      if (bound != null && bound.type() instanceof Type.ScalarsetType ss) {
        cx.problems().error(
            q, cx.typeRules().scalarsetOperator(
                "a loop bounded by scalarset values", ss,
                "have no numeric value or order; loop over the type itself: '" + q.getName() + " : "
                    + cx.typeRules().describe(ss) + "'"));
        ok = false;
        break;
      }
      if (bound != null && !TypeRules.isNumeric(bound.type())) {
        cx.problems().error(q, "quantifier bounds and step need integer operands");
        ok = false;
        break;
      }
    }
    if (!ok) {
      return null;
    }
    if (mustBeConstant) {
      for (Expr bound : new Expr[] {from, to, step}) {
        if (bound != null && !(bound instanceof Literal)) {
          cx.problems().error(q, "ruleset quantifier bound is not a constant: rule instances must be known in advance");
          return null;
        }
      }
    }
    if (step instanceof Literal s && s.value() == 0) {
      cx.problems().error(q.getStep(), "loop step is 0: the loop would never end");
      return null;
    }
    Type type = ExprLowering.INTEGER;
    if (from instanceof Literal f && to instanceof Literal t) {
      long stepValue = step instanceof Literal s ? s.value() : (step == null ? 1 : 0);
      int order = cx.unsignedValues() ? Long.compareUnsigned(f.value(), t.value()) : Long.compare(f.value(), t.value());
      if ((order < 0 && stepValue < 0) || (order > 0 && stepValue > 0)) {
        cx.problems().error(
            q, "loop step goes the wrong way: from " + f.value() + " to " + t.value() + " by " + stepValue
                + " would never end");
        return null;
      }
      type = new Type.RangeType(order <= 0 ? f.value() : t.value(), order <= 0 ? t.value() : f.value());
    }
    Local v = new Local(q.getName(), Local.Kind.QUANTIFIER, type, cx.locations().of(q, MurphiPackage.Literals.NAMED__NAME));
    cx.bindings().put(q, v);
    return new Quantifier(v, null, from, to, step, at);
  }

  /** Lowers {@code alias name : value} and binds the name. */
  AliasBinding lowerAlias(AliasDecl a) {
    Expr value = exprs.lower(a.getValue(), Mode.NORMAL);
    if (value == null) {
      return null;
    }
    Local local = new Local(a.getName(), Local.Kind.ALIAS, value.type(), cx.locations().of(a, MurphiPackage.Literals.NAMED__NAME));
    AliasBinding binding = new AliasBinding(local, value, cx.locations().of(a));
    cx.bindings().put(a, binding);
    cx.aliases().put(local, binding);
    return binding;
  }

  /** Lowers {@code choose i : ms}. */
  Choose lowerChoose(ChooseRule c) {
    MultisetBinding b = bindMultiset(c.getQuantifier(), Mode.NORMAL);
    return b == null ? null : new Choose(b.index(), b.multiset(), cx.locations().of(c));
  }

  /** A multiset quantifier {@code i : ms}: the bound index and the multiset. */
  record MultisetBinding(Local index, Expr multiset) {}

  /** Lowers the multiset of {@code i : ms} and binds the index variable; null when invalid (reported). */
  MultisetBinding bindMultiset(MultisetQuantifier q, Mode mode) {
    Expr ms = exprs.lower(q.getMultiset(), mode);
    if (ms == null) {
      return null;
    }
    if (!(ms.type() instanceof Type.MultisetType mt)) {
      cx.problems().error(q.getMultiset(), "not a multiset (it has type " + cx.typeRules().describe(ms.type()) + ")");
      return null;
    }
    if (!ms.isLValue()) {
      cx.problems().error(q.getMultiset(), "a multiset operation needs a multiset variable");
      return null;
    }
    Local index =
        new Local(
            q.getName(), Local.Kind.MULTISET_INDEX, new Type.RangeType(0, mt.capacity() - 1),
            cx.locations().of(q, MurphiPackage.Literals.NAMED__NAME));
    cx.bindings().put(q, index);
    return new MultisetBinding(index, ms);
  }
}
