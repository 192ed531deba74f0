package io.ballot.dsl.ast;

import io.ballot.dsl.murphi.MsgBinder;
import io.ballot.dsl.murphi.MsgDecl;
import io.ballot.dsl.murphi.MsgPattern;
import io.ballot.dsl.murphi.NetworkDecl;
import io.ballot.dsl.murphi.ReceiveRule;

import io.ballot.dsl.murphi.AliasDecl;
import io.ballot.dsl.murphi.ArrayType;
import io.ballot.dsl.murphi.Call;
import io.ballot.dsl.murphi.ProcDecl;
import io.ballot.dsl.murphi.ConstGroup;
import io.ballot.dsl.murphi.ElementAccess;
import io.ballot.dsl.murphi.Expr;
import io.ballot.dsl.murphi.FieldAccess;
import io.ballot.dsl.murphi.FieldGroup;
import io.ballot.dsl.murphi.IdRef;
import io.ballot.dsl.murphi.MultisetQuantifier;
import io.ballot.dsl.murphi.MultisetType;
import io.ballot.dsl.murphi.Named;
import io.ballot.dsl.murphi.Param;
import io.ballot.dsl.murphi.ParamGroup;
import io.ballot.dsl.murphi.Paren;
import io.ballot.dsl.murphi.Quantifier;
import io.ballot.dsl.murphi.SimpleType;
import io.ballot.dsl.murphi.TypeExpr;
import io.ballot.dsl.murphi.TypeGroup;
import io.ballot.dsl.murphi.TypeName;
import io.ballot.dsl.murphi.VarGroup;
import io.ballot.dsl.murphi.VarName;
import io.ballot.dsl.murphi.Field;
import java.util.HashSet;
import java.util.Set;

/**
 * Structural questions about the syntax tree that scoping needs before any type checking: which type expression a
 * name or designator has, with named types followed to their definitions. Answers null when unknown.
 */
public final class AstTypes {
  private AstTypes() {}

  /** The declared type expression of a name, unresolved (may itself name a type). */
  public static TypeExpr declaredType(Named named) {
    if (named instanceof VarName v && v.eContainer() instanceof VarGroup g) {
      return g.getType();
    }
    if (named instanceof Param p && p.eContainer() instanceof ParamGroup g) {
      return g.getType();
    }
    if (named instanceof Quantifier q) {
      return q.getType();
    }
    if (named instanceof MultisetQuantifier) {
      return null;
    }
    if (named instanceof MsgBinder b) {
      return binderFieldType(b);
    }
    if (named instanceof TypeName t && t.eContainer() instanceof TypeGroup g) {
      return g.getType();
    }
    return null;
  }

  /** The declared type of the message field a receive pattern binder stands for, or null. */
  private static TypeExpr binderFieldType(MsgBinder b) {
    if (!(b.eContainer() instanceof MsgPattern p) || !(p.eContainer() instanceof ReceiveRule r)) {
      return null;
    }
    if (r.getNet() == null || r.getNet().eIsProxy() || !(r.getNet() instanceof NetworkDecl net)) {
      return null;
    }
    int i = p.getBinders().indexOf(b);
    for (MsgDecl m : net.getMessages()) {
      if (m == p.getKind()) {
        return i < m.getFields().size() ? m.getFields().get(i).getType() : null;
      }
    }
    return null;
  }

  /** The type expression of a field, unresolved. */
  public static TypeExpr declaredType(Field field) {
    return field.eContainer() instanceof FieldGroup g ? g.getType() : null;
  }

  /** Follows named types (`T` where `type T: ...`) to a structural type expression. */
  public static TypeExpr resolve(TypeExpr type) {
    Set<TypeExpr> seen = new HashSet<>();
    TypeExpr t = type;
    while (t instanceof SimpleType s && s.getHi() == null && s.getLo() instanceof IdRef ref) {
      if (!seen.add(t)) {
        return null;
      }
      Named target = ref.getRef();
      if (target == null || target.eIsProxy() || !(target instanceof TypeName)) {
        return null;
      }
      t = declaredType(target);
    }
    return t;
  }

  /** The resolved type expression of a designator-like expression (used for field scoping), or null. */
  public static TypeExpr typeOf(Expr e) {
    return typeOf(e, 0);
  }

  private static TypeExpr typeOf(Expr e, int depth) {
    if (e == null || depth > 64) {
      return null;
    }
    if (e instanceof Paren p) {
      return typeOf(p.getExpr(), depth + 1);
    }
    if (e instanceof IdRef ref) {
      Named target = ref.getRef();
      if (target == null || target.eIsProxy()) {
        return null;
      }
      if (target instanceof AliasDecl a) {
        return typeOf(a.getValue(), depth + 1);
      }
      if (target instanceof MultisetQuantifier || target.eContainer() instanceof ConstGroup) {
        return null;
      }
      return resolve(declaredType(target));
    }
    if (e instanceof FieldAccess f) {
      Field field = f.getField();
      return field == null || field.eIsProxy() ? null : resolve(declaredType(field));
    }
    if (e instanceof ElementAccess a) {
      TypeExpr array = typeOf(a.getArray(), depth + 1);
      if (array instanceof ArrayType at) {
        return resolve(at.getElement());
      }
      if (array instanceof MultisetType mt) {
        return resolve(mt.getElement());
      }
      return null;
    }
    if (e instanceof Call c) {
      return c.getCallee() instanceof ProcDecl d && !d.eIsProxy() ? resolve(d.getReturnType()) : null;
    }
    return null;
  }
}
