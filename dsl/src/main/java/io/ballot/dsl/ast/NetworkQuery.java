package io.ballot.dsl.ast;

import io.ballot.dsl.murphi.Call;
import io.ballot.dsl.murphi.Expr;
import io.ballot.dsl.murphi.IdRef;
import io.ballot.dsl.murphi.MurphiPackage;
import io.ballot.dsl.murphi.Named;
import io.ballot.dsl.murphi.NetworkDecl;
import java.util.List;
import java.util.Locale;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * The message-passing queries {@code inflight(net, Msg(args))}, {@code full(net)} and {@code count(net)}. They are
 * not keywords: each is parsed as a call, and is the query only when its first argument names a network, so that a
 * plain Murphi model's own {@code inflight}, {@code full} or {@code count} (a variable, a function) keeps its
 * meaning. The names match in any case, as keywords do.
 */
public final class NetworkQuery {
  /** Which query a call is. */
  public enum Kind {
    /** {@code inflight(net, Msg(args))}: whether the network holds that message. */
    INFLIGHT(2),
    /** {@code full(net)}: whether a send would find the network at its capacity. */
    FULL(1),
    /** {@code count(net)}: the number of messages the network holds. */
    COUNT(1);

    /** How many arguments the query takes. */
    public final int arity;

    Kind(int arity) {
      this.arity = arity;
    }

    /** The query's name as written in the docs. */
    public String spelling() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private NetworkQuery() {}

  /** The query spelled {@code name} (any case), or null. */
  public static Kind named(String name) {
    if (name == null) {
      return null;
    }
    for (Kind k : Kind.values()) {
      if (k.spelling().equalsIgnoreCase(name)) {
        return k;
      }
    }
    return null;
  }

  /** The query {@code c} is, or null when it is an ordinary call (its first argument names no network). */
  public static Kind of(Call c) {
    Kind k = named(linkText(c, MurphiPackage.Literals.CALL__CALLEE));
    return k != null && !c.getArgs().isEmpty() && network(c) != null ? k : null;
  }

  /** The network the first argument of {@code c} names, or null. */
  public static NetworkDecl network(Call c) {
    if (c.getArgs().isEmpty() || !(c.getArgs().get(0) instanceof IdRef ref)) {
      return null;
    }
    Named target = ref.getRef();
    return target instanceof NetworkDecl n && !n.eIsProxy() ? n : null;
  }

  /**
   * Whether {@code e} is the message of an {@code inflight} query, or the name of the message kind in it: the
   * {@code Msg} of {@code inflight(net, Msg)} or {@code inflight(net, Msg(args))}, which names a message kind of the
   * network, not a declaration in scope. Only the second argument is a candidate, and that is tested first:
   * deciding the query resolves the first argument, whose scoping asks this too and must not come back.
   */
  public static boolean isMessageName(EObject e) {
    EObject message = e instanceof Call || e instanceof IdRef ? e : null;
    return message != null && message.eContainer() instanceof Call q && q.getArgs().size() == 2
        && q.getArgs().get(1) == message && of(q) == Kind.INFLIGHT;
  }

  /** The message kind written in the message argument {@code e} of an inflight query ({@code Msg} or {@code Msg(...)}). */
  public static String messageKind(Expr e) {
    if (e instanceof Call c) {
      return linkText(c, MurphiPackage.Literals.CALL__CALLEE);
    }
    if (e instanceof IdRef r) {
      return linkText(r, MurphiPackage.Literals.ID_REF__REF);
    }
    return null;
  }

  /** The arguments written in the message argument {@code e} of an inflight query. */
  public static List<Expr> messageArguments(Expr e) {
    return e instanceof Call c ? c.getArgs() : List.of();
  }

  /** The text of the reference {@code feature} of {@code owner} as written, or null. */
  public static String linkText(EObject owner, EReference feature) {
    List<INode> nodes = NodeModelUtils.findNodesForFeature(owner, feature);
    return nodes.isEmpty() ? null : NodeModelUtils.getTokenText(nodes.get(0));
  }
}
