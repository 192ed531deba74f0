package io.ballot.dsl.ast;

import io.ballot.dsl.murphi.Assignment;
import io.ballot.dsl.murphi.Call;
import io.ballot.dsl.murphi.Expr;
import io.ballot.dsl.murphi.IdRef;
import io.ballot.dsl.murphi.MurphiPackage;
import io.ballot.dsl.murphi.Named;
import io.ballot.dsl.murphi.ProcCall;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * CMurphi's {@code UNDEFINED} value. It is not a keyword in Ballot (Rumur models may declare {@code undefined}):
 * a name spelled {@code undefined} in any case that no declaration in scope resolves means the undefined value,
 * where CMurphi allows it: the whole right side of {@code :=}, or a whole argument of a call.
 */
public final class UndefinedWord {
  private UndefinedWord() {}

  /** Whether {@code name} is a spelling of CMurphi's reserved word {@code undefined} (its keywords ignore case). */
  public static boolean isSpelling(String name) {
    return "undefined".equalsIgnoreCase(name);
  }

  /** Whether an unresolved name at {@code ref} stands where CMurphi accepts {@code UNDEFINED}. */
  public static boolean allowedAt(EObject ref) {
    EObject parent = ref.eContainer();
    if (parent instanceof Assignment a) {
      return a.getValue() == ref;
    }
    List<Expr> args = parent instanceof Call c ? c.getArgs() : parent instanceof ProcCall p ? p.getArgs() : null;
    return args != null && args.contains(ref);
  }

  /** Whether {@code e} is {@code UNDEFINED}: a name spelled so that no declaration resolves. */
  public static boolean is(Expr e) {
    if (!(e instanceof IdRef ref)) {
      return false;
    }
    Named target = ref.getRef();
    if (target != null && !target.eIsProxy()) {
      return false;
    }
    List<INode> nodes = NodeModelUtils.findNodesForFeature(ref, MurphiPackage.Literals.ID_REF__REF);
    return !nodes.isEmpty() && isSpelling(NodeModelUtils.getTokenText(nodes.get(0)));
  }
}
