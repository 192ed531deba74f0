package io.ballot.dsl.lower;

import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Expr.Literal;
import io.ballot.checker.ir.Function;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.RealFunction;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Type;
import io.ballot.dsl.ast.UndefinedWord;
import io.ballot.dsl.lower.ExprLowering.Mode;
import io.ballot.dsl.murphi.Call;
import io.ballot.dsl.murphi.ProcDecl;
import io.ballot.dsl.scoping.Builtins;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;

/** Lowers calls in expressions and checks arguments against parameters; network queries go to their own lowerer. */
final class CallLowering {
  /** Lowers a network query written as a call ({@link NetworkQueries}). */
  interface QueryLowering {
    Expr lower(Call c, io.ballot.dsl.ast.NetworkQuery.Kind kind, Mode mode);
  }

  private final LoweringContext cx;
  private final ExprLowering exprs;
  private final Folding folding;
  private final QueryLowering queries;
  private final ReadOnlyTargets readOnly;
  private final Purity purity = new Purity();

  /**
   * {@code exprs} lowers the arguments, {@code folding} folds math functions over literals, {@code queries} lowers
   * network queries and {@code readOnly} says which arguments cannot be passed to a var parameter.
   */
  CallLowering(
      LoweringContext cx, ExprLowering exprs, Folding folding, QueryLowering queries, ReadOnlyTargets readOnly) {
    this.cx = cx;
    this.exprs = exprs;
    this.folding = folding;
    this.queries = queries;
    this.readOnly = readOnly;
  }

  Expr call(Call c, Mode mode, SourceLocation at) {
    io.ballot.dsl.ast.NetworkQuery.Kind query = io.ballot.dsl.ast.NetworkQuery.of(c);
    if (query != null) {
      return queries.lower(c, query, mode);
    }
    if (!(c.getCallee() instanceof ProcDecl decl) || decl.eIsProxy()) {
      return null; // unresolved: reported by the linker
    }
    if (Builtins.isBuiltin(decl)) {
      return builtinCall(c, decl.getName(), mode, at);
    }
    Function f = (Function) cx.bindings().get(decl);
    List<Expr> args = arguments(decl, f, c.getArgs(), c, mode);
    if (f == null || args == null) {
      return null;
    }
    if (mode == Mode.PURE && !purity.isPure(f)) {
      cx.problems().warning(
          c, "function '" + f.name() + "' has side effects; calling it in a guard or property makes the result"
              + " depend on evaluation order");
    }
    return new Expr.Call(f, args, at);
  }

  /** A call of a CMurphi built-in: a math function ({@link RealFunction}); {@code real(p, e)} is a type. */
  private Expr builtinCall(Call c, String name, Mode mode, SourceLocation at) {
    if (name.equals(Builtins.REAL)) {
      cx.problems().error(c, "real(precision, exponent) is a type, not a value");
      return null;
    }
    RealFunction fn = RealFunction.valueOf(name.toUpperCase(java.util.Locale.ROOT));
    List<Expr> args = new ArrayList<>();
    boolean ok = true;
    for (io.ballot.dsl.murphi.Expr a : c.getArgs()) {
      Expr arg = exprs.lower(a, mode);
      if (arg != null && !TypeRules.isNumericOrReal(arg.type())) {
        cx.problems().error(a, "'" + name + "' needs integer or real arguments, not " + cx.typeRules().describe(arg.type()));
        arg = null;
      }
      ok &= arg != null;
      args.add(arg);
    }
    if (c.getArgs().size() != fn.arity()) {
      cx.problems().error(c, "wrong number of arguments to '" + name + "': it takes " + fn.arity() + " but "
          + c.getArgs().size() + (c.getArgs().size() == 1 ? " was" : " were") + " given");
      return null;
    }
    if (!ok) {
      return null;
    }
    Expr node = new Expr.MathCall(fn, List.copyOf(args), at);
    if (args.stream().allMatch(a -> a instanceof Literal)) {
      double[] values = args.stream().mapToDouble(a -> RealFolding.real((Literal) a)).toArray();
      return folding.fold(() -> RealFolding.math(fn, values, at), c, mode, node);
    }
    return node;
  }

  /** Lowers and checks call arguments against the parameters; null when invalid. */
  List<Expr> arguments(ProcDecl decl, Function f, List<io.ballot.dsl.murphi.Expr> actuals, EObject at, Mode mode) {
    List<Expr> args = new ArrayList<>();
    boolean ok = true;
    for (io.ballot.dsl.murphi.Expr a : actuals) {
      if (UndefinedWord.is(a)) {
        args.add(new Expr.Undefined(ExprLowering.INTEGER, cx.locations().of(a))); // typed below, once the parameter is known
        continue;
      }
      Expr arg = exprs.lower(a, mode);
      ok &= arg != null;
      args.add(arg);
    }
    if (f == null) {
      return null; // the function's own declaration was rejected
    }
    if (actuals.size() != f.parameters().size()) {
      cx.problems().error(
          at, "wrong number of arguments to '" + f.name() + "': it takes " + f.parameters().size() + " but "
              + actuals.size() + (actuals.size() == 1 ? " was" : " were") + " given");
      return null;
    }
    if (f.isProcedure() && at instanceof Call) {
      cx.problems().error(
          at, "procedure '" + f.name() + "' does not return a value, so it cannot be used in an expression");
      return null;
    }
    if (!ok) {
      return null;
    }
    for (int i = 0; i < args.size(); i++) {
      Local p = f.parameters().get(i);
      Expr arg = args.get(i);
      if (arg instanceof Expr.Undefined u) {
        if (p.kind() == Local.Kind.VAR_PARAMETER) {
          cx.problems().error(
              actuals.get(i), "argument " + (i + 1) + " of '" + f.name() + "' cannot be UNDEFINED, because '"
                  + p.name() + "' is a var parameter");
          ok = false;
        } else {
          args.set(i, new Expr.Undefined(p.type(), u.location()));
        }
        continue;
      }
      boolean assignable = TypeRules.assignable(p.type(), arg.type());
      TypeRules.ScalarsetClash clash = assignable ? null : TypeRules.scalarsetClash(p.type(), arg.type());
      if (clash != null) {
        cx.problems().error(
            actuals.get(i), cx.typeRules().scalarsetMixing(
                "passing a value of type " + cx.typeRules().describe(arg.type()) + " as argument " + (i + 1) + " of '"
                    + f.name() + "' (parameter '" + p.name() + "' has type " + cx.typeRules().describe(p.type()) + ")",
                clash));
        ok = false;
      } else if (!assignable) {
        cx.problems().error(
            actuals.get(i), "incompatible types: argument " + (i + 1) + " of '" + f.name() + "' has type "
                + cx.typeRules().describe(arg.type()) + " but the parameter '" + p.name() + "' has type "
                + cx.typeRules().describe(p.type()));
        ok = false;
      } else if (p.kind() == Local.Kind.VAR_PARAMETER) {
        if (!arg.isLValue() || readOnly.readOnly(arg)) {
          cx.problems().error(
              actuals.get(i), "argument " + (i + 1) + " of '" + f.name() + "' must be a writable variable, because '"
                  + p.name() + "' is a var parameter");
          ok = false;
        } else if (TypeRules.isReal(p.type()) != TypeRules.isReal(arg.type())) {
          cx.problems().error(
              actuals.get(i), "argument " + (i + 1) + " of '" + f.name() + "' has type " + cx.typeRules().describe(arg.type())
                  + " but var parameter '" + p.name() + "' is real: a var parameter needs a real variable");
          ok = false;
        } else if (p.type() instanceof Type.RangeType && !p.type().equals(arg.type())) {
          cx.problems().error(
              actuals.get(i), "range types of argument and var parameter '" + p.name() + "' differ ("
                  + cx.typeRules().describe(arg.type()) + " vs " + cx.typeRules().describe(p.type()) + ")");
          ok = false;
        }
      }
    }
    return ok ? args : null;
  }
}
