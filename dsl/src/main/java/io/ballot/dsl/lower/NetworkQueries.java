package io.ballot.dsl.lower;

import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Expr.BinaryOp;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.dsl.ast.NetworkQuery;
import io.ballot.dsl.lower.Networks.Message;
import io.ballot.dsl.lower.Networks.Network;
import io.ballot.dsl.murphi.Call;
import io.ballot.dsl.murphi.NetKind;
import java.util.List;

/**
 * Lowers the network queries in guards and properties ({@link NetworkQuery}): {@code inflight(net, Msg(args))},
 * {@code full(net)} and {@code count(net)}; on an ordered network {@code full} and {@code count} name a queue,
 * {@code full(net, s, r)}, since each (sender, receiver) queue has its own capacity.
 */
final class NetworkQueries {
  private final LoweringContext cx;
  private final ExprLowering exprs;
  private final Networks networks;

  /** {@code exprs} lowers the queries' arguments; {@code networks} resolves networks and messages. */
  NetworkQueries(LoweringContext cx, ExprLowering exprs, Networks networks) {
    this.cx = cx;
    this.exprs = exprs;
    this.networks = networks;
  }

  /** Lowers query {@code kind}, written as call {@code c}; null when invalid (reported). */
  Expr lower(Call c, NetworkQuery.Kind kind, ExprLowering.Mode mode) {
    Network n = networks.network(c, NetworkQuery.network(c));
    if (n == null) {
      return null;
    }
    return switch (kind) {
      case INFLIGHT -> inflight(c, n, mode);
      case FULL, COUNT -> occupancy(c, kind, n, mode);
    };
  }

  /** {@code inflight(net, Msg(args))}: whether the network holds that message (anywhere, for an ordered one). */
  private Expr inflight(Call c, Network n, ExprLowering.Mode mode) {
    SourceLocation at = cx.locations().of(c);
    if (c.getArgs().size() != 2 || NetworkQuery.messageKind(c.getArgs().get(1)) == null) {
      cx.problems().error(c, "inflight takes a network and a message: inflight(" + n.decl().getName() + ", Msg(...))");
      return null;
    }
    io.ballot.dsl.murphi.Expr written = c.getArgs().get(1);
    List<io.ballot.dsl.murphi.Expr> fields = NetworkQuery.messageArguments(written);
    Message m = networks.message(n, written, NetworkQuery.messageKind(written), fields.size());
    List<Expr> args = networks.arguments(m, fields, mode);
    if (args == null) {
      return null;
    }
    Expr var = new Expr.VarRef(n.variable(), at);
    if (n.kind() == NetKind.SET) {
      return Networks.setFlag(var, m, args, at);
    }
    if (n.kind() == NetKind.UNORDERED) {
      Local i = Networks.slotLocal(n, "m", Local.Kind.MULTISET_INDEX, at);
      Expr count = new Expr.MultisetCount(
          i, var, Networks.matches(n, m, Ir.element(var, Ir.ref(i, at), at), args, at), at);
      return Ir.binary(BinaryOp.GT, count, Ir.integer(0, at), at);
    }
    Local s = new Local("s", Local.Kind.QUANTIFIER, n.endpoint(), at);
    Local r = new Local("r", Local.Kind.QUANTIFIER, n.endpoint(), at);
    Local k = Networks.slotLocal(n, "k", Local.Kind.QUANTIFIER, at);
    Expr q = Ir.element(Ir.element(var, Ir.ref(s, at), at), Ir.ref(r, at), at);
    Expr inQueue = Ir.and(at, Ir.binary(BinaryOp.LT, Ir.ref(k, at), Ir.field(q, "count", at), at),
        Networks.matches(n, m, Ir.element(Ir.field(q, "slot", at), Ir.ref(k, at), at), args, at));
    Expr e = new Expr.Quantified(false, Networks.over(k, at), inQueue, at);
    e = new Expr.Quantified(false, Networks.over(r, at), e, at);
    return new Expr.Quantified(false, Networks.over(s, at), e, at);
  }

  /** {@code count(net)} (the messages in transit) or {@code full(net)} (as many as the capacity). */
  private Expr occupancy(Call c, NetworkQuery.Kind kind, Network n, ExprLowering.Mode mode) {
    SourceLocation at = cx.locations().of(c);
    String name = kind.spelling();
    String net = n.decl().getName();
    Expr count;
    switch (n.kind()) {
      case SET -> {
        cx.problems().error(c, name + " needs an unordered or ordered network: set network '" + net
            + "' keeps every message sent and has no capacity (ask inflight(" + net + ", Msg(...)))");
        return null;
      }
      case UNORDERED -> {
        if (c.getArgs().size() != 1) {
          cx.problems().error(c, name + " takes the network alone: " + name + "(" + net + ")");
          return null;
        }
        Expr var = new Expr.VarRef(n.variable(), at);
        Local i = Networks.slotLocal(n, "c", Local.Kind.MULTISET_INDEX, at);
        count = new Expr.MultisetCount(i, var, Ir.bool(true, at), at);
      }
      default -> {
        if (c.getArgs().size() != 3) {
          cx.problems().error(c, "ordered network '" + net + "' has one queue (and capacity) per sender and receiver: "
              + "name the queue, " + name + "(" + net + ", sender, receiver)");
          return null;
        }
        Expr from = endpoint(n, c.getArgs().get(1), mode);
        Expr to = endpoint(n, c.getArgs().get(2), mode);
        if (from == null || to == null) {
          return null;
        }
        Expr q = Ir.element(Ir.element(new Expr.VarRef(n.variable(), at), from, at), to, at);
        count = Ir.field(q, "count", at);
      }
    }
    return kind == NetworkQuery.Kind.COUNT ? count
        : Ir.binary(BinaryOp.GE, count, Ir.integer(n.capacity(), at), at);
  }

  private Expr endpoint(Network n, io.ballot.dsl.murphi.Expr e, ExprLowering.Mode mode) {
    Expr v = exprs.lower(e, mode);
    if (v != null && !TypeRules.assignable(n.endpoint(), v.type())) {
      cx.problems().error(e, "network '" + n.decl().getName() + "' connects values of type "
          + cx.typeRules().describe(n.endpoint()) + ", not " + cx.typeRules().describe(v.type()));
      return null;
    }
    return v;
  }
}
