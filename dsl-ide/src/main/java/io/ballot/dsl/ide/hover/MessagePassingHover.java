package io.ballot.dsl.ide.hover;

import static io.ballot.dsl.ide.hover.MurphiHoverService.text;

import io.ballot.dsl.ast.NetworkQuery;
import io.ballot.dsl.murphi.BroadcastStmt;
import io.ballot.dsl.murphi.Call;
import io.ballot.dsl.murphi.MsgBinder;
import io.ballot.dsl.murphi.MsgDecl;
import io.ballot.dsl.murphi.MsgField;
import io.ballot.dsl.murphi.MsgPattern;
import io.ballot.dsl.murphi.NetKind;
import io.ballot.dsl.murphi.NetworkDecl;
import io.ballot.dsl.murphi.ReceiveRule;
import io.ballot.dsl.murphi.RestartRule;
import io.ballot.dsl.murphi.SendStmt;
import org.eclipse.emf.ecore.EObject;

/**
 * Hover text for Ballot's message-passing extensions (docs/language.md, "Message passing"): networks, their
 * message kinds and fields, the names a {@code receive} binds, and the statements, rules and expressions that use
 * a network (hovered on their keyword).
 */
final class MessagePassingHover {
  private MessagePassingHover() {}

  /** One line of pseudo-Murphi for a message-passing element; null for anything else. */
  static String headline(EObject element) {
    if (element instanceof NetworkDecl n) {
      return "network " + n.getName() + " : " + kind(n);
    }
    if (element instanceof MsgDecl m) {
      return "message " + text(m);
    }
    if (element instanceof MsgField f) {
      String owner = f.eContainer() instanceof MsgDecl m ? " of message " + m.getName() : "";
      return "field " + f.getName() + " : " + text(f.getType()) + owner;
    }
    if (element instanceof MsgBinder b) {
      return binder(b);
    }
    if (element instanceof SendStmt s) {
      return "send on " + network(s.getNet());
    }
    if (element instanceof BroadcastStmt b) {
      return "broadcast on " + network(b.getNet()) + ": one message per value of " + b.getQuantifier().getName();
    }
    if (element instanceof ReceiveRule r) {
      return "receive rule on " + network(r.getNet()) + ": one instance per deliverable message";
    }
    if (element instanceof Call c && NetworkQuery.of(c) != null) {
      NetworkQuery.Kind k = NetworkQuery.of(c);
      String net = network(NetworkQuery.network(c));
      return switch (k) {
        case INFLIGHT -> "inflight: whether " + net + " holds the message";
        case FULL -> "full: whether " + net + " (or the queue named) holds as many messages as its capacity";
        case COUNT -> "count: the number of messages in " + net + " (or the queue named)";
      };
    }
    if (element instanceof RestartRule r) {
      String type = r.getQuantifier() == null ? "?" : text(r.getQuantifier().getType());
      return "restart " + (r.getQuantifier() == null ? "?" : r.getQuantifier().getName()) + " : " + type
          + " -- crash and recovery: the variables indexed by " + type + " that are not durable get their initial values";
    }
    return null;
  }

  /** Further Markdown paragraphs: a network's message kinds, a message kind's network. */
  static String details(EObject element) {
    if (element instanceof NetworkDecl n) {
      StringBuilder md = new StringBuilder("message kinds:");
      for (MsgDecl m : n.getMessages()) {
        md.append("\n- `").append(text(m)).append('`');
      }
      return md.toString();
    }
    if (element instanceof MsgDecl m && m.eContainer() instanceof NetworkDecl n) {
      return "a message kind of network `" + n.getName() + "` (" + kind(n) + ")";
    }
    return null;
  }

  /** A network's kind and options as declared, e.g. {@code unordered lossy capacity 8}. */
  static String kind(NetworkDecl n) {
    StringBuilder s = new StringBuilder(n.getKind() == null ? "?" : n.getKind().getLiteral());
    if (n.getEndpoint() != null) {
      s.append(" [").append(text(n.getEndpoint())).append(']');
    }
    if (n.isLossy()) {
      s.append(" lossy");
    }
    if (n.isDuplicating()) {
      s.append(" duplicating");
    }
    if (n.getCapacity() != null) {
      s.append(" capacity ").append(text(n.getCapacity()));
    }
    return s.toString();
  }

  private static String network(EObject net) {
    if (net instanceof NetworkDecl n && !n.eIsProxy()) {
      return "network " + n.getName() + " (" + kind(n) + ")";
    }
    return "a network";
  }

  /** A name bound by a receive: a message field, or the sender or receiver of an ordered network's queue. */
  private static String binder(MsgBinder b) {
    if (b.eContainer() instanceof MsgPattern p) {
      int i = p.getBinders().indexOf(b);
      MsgDecl kind = p.getKind() == null || p.getKind().eIsProxy() ? null : p.getKind();
      if (kind != null && i < kind.getFields().size()) {
        MsgField f = kind.getFields().get(i);
        return "received " + b.getName() + " : " + text(f.getType()) + " -- field " + f.getName() + " of "
            + kind.getName();
      }
      return "received " + b.getName();
    }
    if (b.eContainer() instanceof ReceiveRule r) {
      NetworkDecl net = r.getNet() instanceof NetworkDecl n && !n.eIsProxy() ? n : null;
      String type = net != null && net.getKind() == NetKind.ORDERED && net.getEndpoint() != null
          ? " : " + text(net.getEndpoint()) : "";
      return (b == r.getFrom() ? "sender " : "receiver ") + b.getName() + type;
    }
    return "received " + b.getName();
  }

}
