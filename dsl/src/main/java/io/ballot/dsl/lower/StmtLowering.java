package io.ballot.dsl.lower;

import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Function;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Stmt;
import io.ballot.checker.ir.Type;
import io.ballot.dsl.ast.UndefinedWord;
import io.ballot.dsl.lower.ExprLowering.Mode;
import io.ballot.dsl.murphi.AliasDecl;
import io.ballot.dsl.murphi.AliasStmt;
import io.ballot.dsl.murphi.Assignment;
import io.ballot.dsl.murphi.Block;
import io.ballot.dsl.murphi.ClearStmt;
import io.ballot.dsl.murphi.Elsif;
import io.ballot.dsl.murphi.ErrorStmt;
import io.ballot.dsl.murphi.ForStmt;
import io.ballot.dsl.murphi.IfStmt;
import io.ballot.dsl.murphi.MultisetAddStmt;
import io.ballot.dsl.murphi.MultisetRemovePredStmt;
import io.ballot.dsl.murphi.MultisetRemoveStmt;
import io.ballot.dsl.murphi.ProcCall;
import io.ballot.dsl.murphi.ProcDecl;
import io.ballot.dsl.murphi.PropertyStmt;
import io.ballot.dsl.murphi.PutStmt;
import io.ballot.dsl.murphi.ReturnStmt;
import io.ballot.dsl.murphi.SwitchCase;
import io.ballot.dsl.murphi.SwitchStmt;
import io.ballot.dsl.murphi.UndefineStmt;
import io.ballot.dsl.murphi.WhileStmt;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;

/** Lowers and checks statements. */
final class StmtLowering {

  /**
   * Where a body is: in a function (returns a value unless a procedure) or in a rule or start state; and the locals
   * list of that body, where the temporaries that message passing generates go.
   */
  record Context(Function function, boolean inRule, List<Local> locals) {}

  private final LoweringContext cx;
  private final ExprLowering exprs;
  private final BinderLowering binders;
  private final CallLowering calls;
  private final Networks networks;
  private final ReadOnlyTargets readOnly;

  /**
   * {@code exprs}, {@code binders} and {@code calls} lower the expressions, quantifiers, aliases and procedure calls
   * in statements, {@code networks} the sends and broadcasts; {@code readOnly} says which targets cannot be written.
   */
  StmtLowering(
      LoweringContext cx, ExprLowering exprs, BinderLowering binders, CallLowering calls, Networks networks,
      ReadOnlyTargets readOnly) {
    this.cx = cx;
    this.exprs = exprs;
    this.binders = binders;
    this.calls = calls;
    this.networks = networks;
    this.readOnly = readOnly;
  }

  List<Stmt> lowerBlock(Block block, Context ctx) {
    List<Stmt> out = new ArrayList<>();
    if (block == null) {
      return out;
    }
    for (io.ballot.dsl.murphi.Stmt s : block.getStmts()) {
      Stmt lowered = lower(s, ctx);
      if (lowered != null) {
        out.add(lowered);
      }
    }
    return out;
  }

  private Expr expr(io.ballot.dsl.murphi.Expr e) {
    return exprs.lower(e, Mode.NORMAL);
  }

  private Stmt lower(io.ballot.dsl.murphi.Stmt s, Context ctx) {
    SourceLocation at = cx.locations().of(s);
    if (s instanceof Assignment a && UndefinedWord.is(a.getValue())) {
      Expr target = expr(a.getTarget()); // CMurphi: 'x := UNDEFINED' is 'undefine x'
      return target == null || !writable(target, a.getTarget(), "assign to") ? null : new Stmt.Undefine(target, at);
    }
    if (s instanceof Assignment a) {
      Expr target = expr(a.getTarget());
      Expr value = expr(a.getValue());
      if (target == null || value == null || !writable(target, a.getTarget(), "assign to")) {
        return null;
      }
      if (!TypeRules.assignable(target.type(), value.type())) {
        TypeRules.ScalarsetClash clash = TypeRules.scalarsetClash(target.type(), value.type());
        cx.problems().error(
            a.getValue(), clash != null
                ? cx.typeRules().scalarsetMixing(
                    "assigning a value of type " + cx.typeRules().describe(value.type()) + " to a target of type "
                        + cx.typeRules().describe(target.type()), clash)
                : "incompatible types: cannot assign a value of type " + cx.typeRules().describe(value.type())
                    + " to a target of type " + cx.typeRules().describe(target.type()));
        return null;
      }
      rangeCheck(target.type(), value, a.getValue());
      return new Stmt.Assign(target, value, at);
    }
    if (s instanceof ProcCall c) {
      ProcDecl decl = c.getCallee();
      if (decl == null || decl.eIsProxy()) {
        return null;
      }
      Function f = (Function) cx.bindings().get(decl);
      List<Expr> args = calls.arguments(decl, f, c.getArgs(), c, Mode.NORMAL);
      return args == null ? null : new Stmt.ProcCall(f, args, at);
    }
    if (s instanceof IfStmt i) {
      List<Stmt.IfClause> clauses = new ArrayList<>();
      clauses.add(clause(i.getCondition(), i.getThen(), i, ctx));
      for (Elsif e : i.getElsifs()) {
        clauses.add(clause(e.getCondition(), e.getBody(), e, ctx));
      }
      if (i.getElse() != null) {
        clauses.add(new Stmt.IfClause(null, lowerBlock(i.getElse(), ctx), cx.locations().of(i.getElse())));
      }
      return clauses.contains(null) ? null : new Stmt.If(clauses, at);
    }
    if (s instanceof SwitchStmt sw) {
      return switchStmt(sw, ctx, at);
    }
    if (s instanceof ForStmt f) {
      Quantifier q = binders.lowerQuantifier(f.getQuantifier(), false);
      List<Stmt> body = lowerBlock(f.getBody(), ctx);
      return q == null ? null : new Stmt.For(q, body, at);
    }
    if (s instanceof WhileStmt w) {
      Expr cond = expr(w.getCondition());
      List<Stmt> body = lowerBlock(w.getBody(), ctx);
      if (cond == null || !exprs.requireBoolean(cond, w.getCondition(), "the while condition")) {
        return null;
      }
      return new Stmt.While(cond, body, at);
    }
    if (s instanceof ReturnStmt r) {
      return returnStmt(r, ctx, at);
    }
    if (s instanceof ClearStmt c) {
      Expr target = expr(c.getTarget());
      if (target == null || !writable(target, c.getTarget(), "clear")) {
        return null;
      }
      Type.ScalarsetType cleared = TypeRules.scalarsetCleared(target.type());
      if (cleared != null) {
        // CMurphi: "Target of CLEAR statement must not contain a scalarset variable." (Rumur accepts it.)
        cx.problems().error(
            c.getTarget(), cx.typeRules().scalarsetOperator(
                "clearing a scalarset value", cleared,
                "none of them comes first, but 'clear' would set "
                    + (target.type() instanceof Type.ScalarsetType ? "it" : "the scalarset values inside")
                    + " to the first one; use 'undefine' instead"));
        return null;
      }
      return new Stmt.Clear(target, at);
    }
    if (s instanceof UndefineStmt u) {
      Expr target = expr(u.getTarget());
      return target == null || !writable(target, u.getTarget(), "undefine") ? null : new Stmt.Undefine(target, at);
    }
    if (s instanceof PutStmt p) {
      if (p.getText() != null) {
        return new Stmt.Put(p.getText(), null, at);
      }
      Expr value = expr(p.getValue());
      if (value == null) {
        return null;
      }
      if (!value.type().isSimple() && !value.isLValue() && !(value.type() instanceof Type.IntType)
          && !(value.type() instanceof Type.DoubleType)) {
        cx.problems().error(p.getValue(), "printing a record or array that is not a variable is not supported");
        return null;
      }
      return new Stmt.Put(null, value, at);
    }
    if (s instanceof ErrorStmt e) {
      return new Stmt.Error(e.getMessage(), at);
    }
    if (s instanceof PropertyStmt p) {
      PropertyKind kind = Lowering.kindOf(p.getKind());
      if (kind == PropertyKind.LIVENESS) {
        cx.problems().error(p, "a liveness property cannot be a statement; declare it at top level");
        return null;
      }
      Expr cond = exprs.lower(p.getCondition(), Mode.PURE);
      if (cond == null || !exprs.requireBoolean(cond, p.getCondition(), "a property")) {
        return null;
      }
      return new Stmt.PropertyStmt(kind, cond, p.getName(), at);
    }
    if (s instanceof AliasStmt a) {
      List<AliasBinding> bindings = new ArrayList<>();
      boolean ok = true;
      for (AliasDecl d : a.getAliases()) {
        AliasBinding b = binders.lowerAlias(d);
        ok &= b != null;
        bindings.add(b);
      }
      List<Stmt> body = lowerBlock(a.getBody(), ctx);
      return ok ? new Stmt.Alias(bindings, body, at) : null;
    }
    if (s instanceof MultisetAddStmt m) {
      Expr element = expr(m.getElement());
      Expr ms = expr(m.getMultiset());
      if (element == null || ms == null || !multisetTarget(ms, m.getMultiset())) {
        return null;
      }
      Type elementType = ((Type.MultisetType) ms.type()).element();
      if (!TypeRules.assignable(elementType, element.type())) {
        TypeRules.ScalarsetClash clash = TypeRules.scalarsetClash(elementType, element.type());
        String what = "adding a value of type " + cx.typeRules().describe(element.type()) + " to a multiset of "
            + cx.typeRules().describe(elementType);
        cx.problems().error(
            m.getElement(), clash != null
                ? cx.typeRules().scalarsetMixing(what, clash)
                : "cannot add a value of type " + cx.typeRules().describe(element.type())
                    + " to a multiset of " + cx.typeRules().describe(elementType));
        return null;
      }
      return new Stmt.MultisetAdd(element, ms, at);
    }
    if (s instanceof MultisetRemoveStmt m) {
      Expr index = expr(m.getIndex());
      Expr ms = expr(m.getMultiset());
      if (index == null || ms == null || !multisetTarget(ms, m.getMultiset())) {
        return null;
      }
      if (!TypeRules.isNumeric(index.type())) {
        cx.problems().error(m.getIndex(), "multisetremove needs a multiset index");
        return null;
      }
      return new Stmt.MultisetRemove(index, ms, at);
    }
    if (s instanceof MultisetRemovePredStmt m) {
      BinderLowering.MultisetBinding b = binders.bindMultiset(m.getQuantifier(), Mode.NORMAL);
      if (b == null) {
        return null;
      }
      Expr pred = exprs.lower(m.getPredicate(), Mode.PURE);
      if (pred == null
          || !exprs.requireBoolean(pred, m.getPredicate(), "the multisetremovepred predicate")) {
        return null;
      }
      return new Stmt.MultisetRemovePred(b.index(), b.multiset(), pred, at);
    }
    if (s instanceof io.ballot.dsl.murphi.SendStmt send) {
      return networks.send(send, ctx.locals());
    }
    if (s instanceof io.ballot.dsl.murphi.BroadcastStmt b) {
      return networks.broadcast(b, ctx.locals());
    }
    cx.problems().error(s, "unsupported statement");
    return null;
  }

  private boolean multisetTarget(Expr ms, EObject at) {
    if (!(ms.type() instanceof Type.MultisetType)) {
      cx.problems().error(at, "not a multiset (it has type " + cx.typeRules().describe(ms.type()) + ")");
      return false;
    }
    return writable(ms, at, "modify");
  }

  private Stmt.IfClause clause(io.ballot.dsl.murphi.Expr condition, Block body, EObject at, Context ctx) {
    Expr cond = expr(condition);
    List<Stmt> stmts = lowerBlock(body, ctx);
    if (cond == null || !exprs.requireBoolean(cond, condition, "the if condition")) {
      return null;
    }
    return new Stmt.IfClause(cond, stmts, cx.locations().of(at));
  }

  private Stmt switchStmt(SwitchStmt sw, Context ctx, SourceLocation at) {
    Expr value = expr(sw.getValue());
    if (value != null && TypeRules.isReal(value.type())) {
      cx.problems().error(sw.getValue(), "switch on a real value is not supported; compare it with if");
      value = null;
    }
    if (value != null && !value.type().isSimple() && !(value.type() instanceof Type.IntType)) {
      cx.problems().error(
          sw.getValue(), "switch needs a value of a simple type, not " + cx.typeRules().describe(value.type())
              + " (a complex type)");
      value = null;
    }
    List<Stmt.SwitchCase> cases = new ArrayList<>();
    boolean ok = value != null;
    for (SwitchCase c : sw.getCases()) {
      List<Expr> labels = new ArrayList<>();
      for (io.ballot.dsl.murphi.Expr label : c.getLabels()) {
        Expr lv = expr(label);
        if (lv == null) {
          ok = false;
        } else if (value != null && !TypeRules.comparable(value.type(), lv.type())) {
          TypeRules.ScalarsetClash clash = TypeRules.scalarsetClash(value.type(), lv.type());
          cx.problems().error(
              label, clash != null
                  ? cx.typeRules().scalarsetMixing(
                      "a case label of type " + cx.typeRules().describe(lv.type()) + " in a switch on a value of type "
                          + cx.typeRules().describe(value.type()), clash)
                  : "incompatible types: case label of type " + cx.typeRules().describe(lv.type())
                      + " cannot match a switch value of type "
                      + cx.typeRules().describe(value.type()));
          ok = false;
        }
        labels.add(lv);
      }
      cases.add(new Stmt.SwitchCase(labels, lowerBlock(c.getBody(), ctx), cx.locations().of(c)));
    }
    if (sw.getDefault() != null) {
      cases.add(new Stmt.SwitchCase(List.of(), lowerBlock(sw.getDefault(), ctx), cx.locations().of(sw.getDefault())));
    }
    return ok ? new Stmt.Switch(value, cases, at) : null;
  }

  private Stmt returnStmt(ReturnStmt r, Context ctx, SourceLocation at) {
    Function f = ctx.function();
    if (r.getValue() == null) {
      if (f != null && !f.isProcedure()) {
        cx.problems().error(r, "function '" + f.name() + "' must return a value of type "
            + cx.typeRules().describe(f.returnType()));
        return null;
      }
      return new Stmt.Return(null, at);
    }
    Expr value = expr(r.getValue());
    if (value == null) {
      return null;
    }
    if (f == null) {
      cx.problems().error(r.getValue(), "a rule or start state cannot return a value");
      return null;
    }
    if (f.isProcedure()) {
      cx.problems().error(r.getValue(), "procedure '" + f.name() + "' has no return type, so it cannot return a value");
      return null;
    }
    if (!TypeRules.assignable(f.returnType(), value.type())) {
      TypeRules.ScalarsetClash clash = TypeRules.scalarsetClash(f.returnType(), value.type());
      cx.problems().error(
          r.getValue(), clash != null
              ? cx.typeRules().scalarsetMixing(
                  "returning a value of type " + cx.typeRules().describe(value.type()) + " from function '" + f.name()
                      + "', which returns " + cx.typeRules().describe(f.returnType()) + ",", clash)
              : "incompatible types: function '" + f.name() + "' returns " + cx.typeRules().describe(f.returnType())
                  + " but this value has type " + cx.typeRules().describe(value.type()));
      return null;
    }
    rangeCheck(f.returnType(), value, r.getValue());
    return new Stmt.Return(value, at);
  }

  /** Reports (and answers false) when {@code target} cannot be written. */
  private boolean writable(Expr target, EObject at, String verb) {
    if (!target.isLValue()) {
      String what = target instanceof Expr.Literal ? "a constant" : "an expression, not a variable";
      cx.problems().error(at, "cannot " + verb + " this: it is not assignable (" + what + ")");
      return false;
    }
    if (readOnly.readOnly(target)) {
      cx.problems().error(at, "cannot " + verb + " this: it is not assignable (" + readOnly.describe(target) + ")");
      return false;
    }
    return true;
  }

  /** A constant stored into a range it does not fit is certain to fail: report it now, as Rumur does. */
  private void rangeCheck(Type target, Expr value, EObject at) {
    if (target instanceof Type.RangeType r && value instanceof Expr.Literal lit
        && (cx.unsignedValues()
            ? Long.compareUnsigned(lit.value(), r.lo()) < 0 || Long.compareUnsigned(lit.value(), r.hi()) > 0
            : lit.value() < r.lo() || lit.value() > r.hi())) {
      cx.problems().warning(
          at, "value " + cx.typeRules().number(lit.value()) + " is out of range " + cx.typeRules().describe(r)
              + ": this will fail when executed");
    }
  }
}
