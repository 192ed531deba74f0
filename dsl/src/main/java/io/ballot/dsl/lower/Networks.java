package io.ballot.dsl.lower;

import io.ballot.checker.ir.Binder;
import io.ballot.checker.ir.Choose;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Expr.BinaryOp;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.NetworkInfo;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.Rule;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Stmt;
import io.ballot.checker.ir.Type;
import io.ballot.checker.ir.Variable;
import io.ballot.checker.result.messages.FullDrops;
import io.ballot.dsl.murphi.BroadcastStmt;
import io.ballot.dsl.murphi.MsgDecl;
import io.ballot.dsl.murphi.MsgExpr;
import io.ballot.dsl.murphi.MsgField;
import io.ballot.dsl.murphi.Named;
import io.ballot.dsl.murphi.NetKind;
import io.ballot.dsl.murphi.NetworkDecl;
import io.ballot.dsl.murphi.SendStmt;
import io.ballot.dsl.settings.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.emf.ecore.EObject;

/**
 * Lowers the message-passing extensions to plain IR. A {@code set} network is a record with one boolean array per
 * message kind, indexed by the kind's fields (TLA+'s set of sent messages: receiving does not remove). An
 * {@code unordered} network is a multiset of message records (so multiset reduction applies); an {@code ordered}
 * one is a FIFO queue (a count and slots) per (sender, receiver) pair. A message record has a {@code kind} enum
 * field and the fields of every kind (unused ones undefined). Receiving is a rule per deliverable message; it
 * removes the message before the body runs. Lossy and duplicating networks get network rules.
 */
final class Networks {
  static final String KIND_FIELD = "kind";

  /** One declared message kind: its tag and its fields. */
  record Message(String name, int tag, List<String> fields, List<Type> types, MsgDecl decl) {}

  /**
   * A lowered network. For ORDERED, {@code endpoint} is the sender/receiver type; {@code dropWhenFull}: a send to a
   * full network (queue) drops the message instead of failing.
   */
  record Network(
      NetworkDecl decl, NetKind kind, Variable variable, Map<String, Message> messages, Type.RecordType messageType,
      Type.EnumType tagType, long capacity, Type endpoint, boolean dropWhenFull) {}

  private final LoweringContext cx;
  private final ExprLowering exprs;
  private final BinderLowering binders;
  private final TypeLowering typeLowering;
  /** Where the variable holding each network's messages goes (a global of the model). */
  private final Consumer<Variable> addVariable;
  /** Where the loss and duplication rules of a lossy or duplicating network go (rules of the model). */
  private final Consumer<Rule> addRule;
  private final List<Network> networks = new ArrayList<>();
  /** Per network, the rules that receive, lose or duplicate its messages (for {@link #describe}). */
  private final Map<Network, List<NetworkInfo.MessageRule>> messageRules = new LinkedHashMap<>();

  /**
   * {@code exprs} and {@code binders} lower the expressions and quantifiers of sends and broadcasts,
   * {@code typeLowering} message field types, endpoints and capacities.
   */
  Networks(
      LoweringContext cx, ExprLowering exprs, BinderLowering binders, TypeLowering typeLowering,
      Consumer<Variable> addVariable, Consumer<Rule> addRule) {
    this.cx = cx;
    this.exprs = exprs;
    this.binders = binders;
    this.typeLowering = typeLowering;
    this.addVariable = addVariable;
    this.addRule = addRule;
  }

  List<Network> all() {
    return networks;
  }

  /** What each lowered network is, for reports (traces show its messages instead of its variable). */
  List<NetworkInfo> describe() {
    List<NetworkInfo> out = new ArrayList<>();
    for (Network n : networks) {
      List<NetworkInfo.MessageKind> kinds = n.messages().values().stream()
          .map(m -> new NetworkInfo.MessageKind(m.name(), List.copyOf(m.fields()))).toList();
      NetworkInfo.Kind kind = switch (n.kind()) {
        case SET -> NetworkInfo.Kind.SET;
        case UNORDERED -> NetworkInfo.Kind.UNORDERED;
        case ORDERED -> NetworkInfo.Kind.ORDERED;
      };
      out.add(new NetworkInfo(n.variable().name(), kind, kinds,
          List.copyOf(messageRules.getOrDefault(n, List.of()))));
    }
    return out;
  }

  /** Records that {@code rule} receives, loses or duplicates a message of {@code n}; returns the rule. */
  Rule described(Network n, Rule rule, NetworkInfo.Role role, String message, String slot,
      NetworkInfo.Endpoint from, NetworkInfo.Endpoint to, String position, List<String> fieldParameters, List<String> internal) {
    messageRules.computeIfAbsent(n, k -> new ArrayList<>()).add(new NetworkInfo.MessageRule(rule.name(),
        rule.location(), role, message, slot, from, to, position, List.copyOf(fieldParameters), List.copyOf(internal)));
    return rule;
  }

  // ------------------------------------------------------------------------------------------ declarations

  /** Lowers a network declaration: its variable and its loss/duplication rules. */
  void declare(NetworkDecl d) {
    SourceLocation at = cx.locations().of(d);
    Map<String, Message> messages = new LinkedHashMap<>();
    Map<String, Type> fieldTypes = new LinkedHashMap<>();
    boolean ok = true;
    for (MsgDecl m : d.getMessages()) {
      if (messages.containsKey(m.getName())) {
        cx.problems().error(m, "message '" + m.getName() + "' is declared twice in network '" + d.getName() + "'");
        ok = false;
        continue;
      }
      List<String> names = new ArrayList<>();
      List<Type> types = new ArrayList<>();
      for (MsgField f : m.getFields()) {
        Type t = typeLowering.lower(f.getType(), null);
        if (t == null) {
          ok = false;
          continue;
        }
        if (names.contains(f.getName())) {
          cx.problems().error(f, "field '" + f.getName() + "' is declared twice in message '" + m.getName() + "'");
          ok = false;
        } else if (f.getName().equals(KIND_FIELD) && d.getKind() != NetKind.SET) {
          cx.problems().error(f, "'" + KIND_FIELD + "' is reserved for the message kind; rename the field");
          ok = false;
        } else if (d.getKind() == NetKind.SET && !t.isSimple()) {
          cx.problems().error(
              f.getType(), "a field of a message in a set network must have a simple type (it indexes the set), not "
                  + cx.typeRules().describe(t));
          ok = false;
        } else if (d.getKind() != NetKind.SET && fieldTypes.containsKey(f.getName())
            && !TypeRules.equal(fieldTypes.get(f.getName()), t)) {
          cx.problems().error(
              f.getType(), "field '" + f.getName() + "' has type " + cx.typeRules().describe(fieldTypes.get(f.getName()))
                  + " in another message of network '" + d.getName() + "'; fields of the same name need the same type");
          ok = false;
        }
        fieldTypes.putIfAbsent(f.getName(), t);
        names.add(f.getName());
        types.add(t);
      }
      messages.put(m.getName(), new Message(m.getName(), messages.size(), names, types, m));
    }
    long capacity = -1;
    if (d.getCapacity() != null) {
      Long c = typeLowering.constant(d.getCapacity(), "a network capacity");
      if (c == null) {
        ok = false;
      } else if (c < 1) {
        cx.problems().error(d.getCapacity(), "a network capacity must be at least 1");
        ok = false;
      } else {
        capacity = c;
      }
    }
    Type endpoint = null;
    switch (d.getKind()) {
      case SET -> {
        if (d.getCapacity() != null) {
          cx.problems().error(d.getCapacity(), "a set network holds one copy of each message: it takes no capacity");
          ok = false;
        }
        if (d.isWhenFull()) {
          cx.problems().error(d, "a set network holds one copy of each message and is never full: it takes no "
              + "'when full'");
          ok = false;
        }
        if (d.isLossy() || d.isDuplicating()) {
          cx.problems().error(d, "a set network keeps every message sent (receiving does not remove it), so it "
              + "cannot be lossy or duplicating; use an unordered network");
          ok = false;
        }
      }
      case UNORDERED, ORDERED -> {
        if (d.getCapacity() == null) {
          cx.problems().error(d, "network '" + d.getName() + "' needs a capacity ('capacity N'): the state is finite");
          ok = false;
        }
      }
    }
    if (d.getKind() == NetKind.ORDERED) {
      if (d.getEndpoint() == null) {
        cx.problems().error(d, "an ordered network needs its endpoint type, 'ordered [T]': it keeps one FIFO queue per "
            + "sender and receiver of type T");
        ok = false;
      } else {
        endpoint = typeLowering.lower(d.getEndpoint(), null);
        if (endpoint != null && !endpoint.isSimple()) {
          cx.problems().error(d.getEndpoint(), "the endpoint type of a network must be simple, not "
              + cx.typeRules().describe(endpoint));
          ok = false;
        }
        ok &= endpoint != null;
      }
    } else if (d.getEndpoint() != null) {
      cx.problems().error(d.getEndpoint(), "only an ordered network has an endpoint type; put the sender and receiver "
          + "in message fields");
      ok = false;
    }
    if (!ok) {
      return;
    }
    Type.EnumType tagType = new Type.EnumType(List.copyOf(messages.keySet()), at);
    Type.RecordType messageType = null;
    Type type;
    if (d.getKind() == NetKind.SET) {
      List<Type.Field> perKind = new ArrayList<>();
      for (Message m : messages.values()) {
        Type t = Ir.BOOLEAN;
        for (int i = m.types().size() - 1; i >= 0; i--) {
          t = new Type.ArrayType(m.types().get(i), t);
        }
        perKind.add(new Type.Field(m.name(), t));
      }
      type = new Type.RecordType(perKind);
    } else {
      List<Type.Field> fields = new ArrayList<>();
      fields.add(new Type.Field(KIND_FIELD, tagType));
      fieldTypes.forEach((name, t) -> fields.add(new Type.Field(name, t)));
      messageType = new Type.RecordType(fields);
      if (d.getKind() == NetKind.UNORDERED) {
        type = new Type.MultisetType(capacity, messageType);
      } else {
        Type.RecordType queue = new Type.RecordType(List.of(
            new Type.Field("count", new Type.RangeType(0, capacity)),
            new Type.Field("slot", new Type.ArrayType(new Type.RangeType(0, capacity - 1), messageType))));
        type = new Type.ArrayType(endpoint, new Type.ArrayType(endpoint, queue));
      }
    }
    Variable v = new Variable(d.getName(), type, cx.locations().of(d, io.ballot.dsl.murphi.MurphiPackage.Literals.NAMED__NAME));
    addVariable.accept(v);
    // at capacity a lossy network loses the message (unless told otherwise); a reliable one reports a violation
    boolean drop = d.isWhenFull() ? d.getOnFull() == io.ballot.dsl.murphi.FullPolicy.DROP : d.isLossy();
    Network n = new Network(d, d.getKind(), v, messages, messageType, tagType, capacity, endpoint, drop);
    cx.bindings().put(d, n);
    networks.add(n);
    if (d.isLossy()) {
      addRule.accept(lossRule(n, at));
    }
    if (d.isDuplicating()) {
      addRule.accept(duplicationRule(n, at));
    }
  }

  /** Statements that make every network empty; prepended to each start state. */
  List<Stmt> initialization() {
    List<Stmt> out = new ArrayList<>();
    for (Network n : networks) {
      SourceLocation at = n.variable().location();
      Expr var = new Expr.VarRef(n.variable(), at);
      switch (n.kind()) {
        case SET -> out.addAll(Ir.fill(var, n.variable().type(), Ir.bool(false, at), at, 0));
        case ORDERED -> {
          Local s = new Local("s", Local.Kind.QUANTIFIER, n.endpoint(), at);
          Local r = new Local("r", Local.Kind.QUANTIFIER, n.endpoint(), at);
          Expr q = Ir.element(Ir.element(var, Ir.ref(s, at), at), Ir.ref(r, at), at);
          out.add(Ir.forAll(s, List.of(Ir.forAll(r, List.of(
              new Stmt.Undefine(q, at), new Stmt.Assign(Ir.field(q, "count", at), Ir.integer(0, at), at)), at)), at));
        }
        case UNORDERED -> { } // a multiset starts empty
      }
    }
    return out;
  }

  private Rule lossRule(Network n, SourceLocation at) {
    Expr var = new Expr.VarRef(n.variable(), at);
    if (n.kind() == NetKind.UNORDERED) {
      Local i = slotLocal(n, "m", Local.Kind.MULTISET_INDEX, at);
      return described(n, new Rule("lose from " + n.decl().getName(), List.of(new Choose(i, var, at)), null,
          List.of(), List.of(new Stmt.MultisetRemove(Ir.ref(i, at), var, at)), at),
          NetworkInfo.Role.LOSE, null, "m", null, null, null, List.of(), List.of("m"));
    }
    List<Binder> binders = new ArrayList<>();
    Expr q = queueBinders(n, binders, "from", "to", at);
    Local k = slotLocal(n, "position", Local.Kind.QUANTIFIER, at);
    binders.add(over(k, at));
    Expr guard = Ir.binary(BinaryOp.LT, Ir.ref(k, at), Ir.field(q, "count", at), at);
    return described(n,
        new Rule("lose from " + n.decl().getName(), binders, guard, List.of(), removeAt(n, q, Ir.ref(k, at), at), at),
        NetworkInfo.Role.LOSE, null, null, NetworkInfo.Endpoint.parameter("from"),
        NetworkInfo.Endpoint.parameter("to"), "position", List.of(), List.of("position"));
  }

  private Rule duplicationRule(Network n, SourceLocation at) {
    Expr var = new Expr.VarRef(n.variable(), at);
    if (n.kind() == NetKind.UNORDERED) {
      Local i = slotLocal(n, "m", Local.Kind.MULTISET_INDEX, at);
      Local c = slotLocal(n, "c", Local.Kind.MULTISET_INDEX, at);
      Expr count = new Expr.MultisetCount(c, var, Ir.bool(true, at), at);
      Expr guard = Ir.binary(BinaryOp.LT, count, Ir.integer(n.capacity(), at), at);
      Local copy = new Local("copy", Local.Kind.VARIABLE, n.messageType(), at);
      return described(n, new Rule("duplicate in " + n.decl().getName(), List.of(new Choose(i, var, at)), guard,
          List.of(copy), List.of(new Stmt.Assign(Ir.ref(copy, at), Ir.element(var, Ir.ref(i, at), at), at),
              new Stmt.MultisetAdd(Ir.ref(copy, at), var, at)), at),
          NetworkInfo.Role.DUPLICATE, null, "m", null, null, null, List.of(), List.of("m"));
    }
    List<Binder> binders = new ArrayList<>();
    Expr q = queueBinders(n, binders, "from", "to", at);
    Local k = slotLocal(n, "position", Local.Kind.QUANTIFIER, at);
    binders.add(over(k, at));
    Expr count = Ir.field(q, "count", at);
    Expr guard = Ir.and(at, Ir.binary(BinaryOp.LT, Ir.ref(k, at), count, at),
        Ir.binary(BinaryOp.LT, count, Ir.integer(n.capacity(), at), at));
    Expr slots = Ir.field(q, "slot", at);
    // shift the messages after position one place back, then the copy follows the original
    List<Stmt> body = new ArrayList<>();
    body.add(Ir.forRange("j", n.capacity() - 1, 1, -1, j -> List.of(new Stmt.If(List.of(new Stmt.IfClause(
        Ir.binary(BinaryOp.GT, Ir.ref(j, at), Ir.ref(k, at), at),
        List.of(new Stmt.Assign(Ir.element(slots, Ir.ref(j, at), at),
            Ir.element(slots, Ir.binary(BinaryOp.SUB, Ir.ref(j, at), Ir.integer(1, at), at), at), at)), at)), at)), at));
    body.add(new Stmt.Assign(count, Ir.binary(BinaryOp.ADD, count, Ir.integer(1, at), at), at));
    return described(n, new Rule("duplicate in " + n.decl().getName(), binders, guard, List.of(), body, at),
        NetworkInfo.Role.DUPLICATE, null, null, NetworkInfo.Endpoint.parameter("from"),
        NetworkInfo.Endpoint.parameter("to"), "position", List.of(), List.of("position"));
  }

  /** A quantifier over the whole type of {@code l}. */
  static Quantifier over(Local l, SourceLocation at) {
    return new Quantifier(l, l.type(), null, null, null, at);
  }

  /** A local over the slot positions of network {@code n}'s queues or multiset, {@code 0 .. capacity - 1}. */
  static Local slotLocal(Network n, String name, Local.Kind kind, SourceLocation at) {
    return new Local(name, kind, new Type.RangeType(0, n.capacity() - 1), at);
  }

  /** The presence flag of message {@code m} with arguments {@code args} in set network {@code var}. */
  static Expr setFlag(Expr var, Message m, List<Expr> args, SourceLocation at) {
    Expr flag = Ir.field(var, m.name(), at);
    for (Expr a : args) {
      flag = Ir.element(flag, a, at);
    }
    return flag;
  }

  /** Adds quantifiers for sender and receiver to {@code binders}; returns the queue they select. */
  private static Expr queueBinders(Network n, List<Binder> binders, String from, String to, SourceLocation at) {
    Local s = new Local(from, Local.Kind.QUANTIFIER, n.endpoint(), at);
    Local r = new Local(to, Local.Kind.QUANTIFIER, n.endpoint(), at);
    binders.add(over(s, at));
    binders.add(over(r, at));
    return Ir.element(Ir.element(new Expr.VarRef(n.variable(), at), Ir.ref(s, at), at), Ir.ref(r, at), at);
  }

  /** Removes the message at {@code position} of queue {@code q}: the later ones move up, the count drops. */
  static List<Stmt> removeAt(Network n, Expr q, Expr position, SourceLocation at) {
    Expr slots = Ir.field(q, "slot", at);
    Expr count = Ir.field(q, "count", at);
    List<Stmt> out = new ArrayList<>();
    if (n.capacity() > 1) {
      out.add(Ir.forRange("j", 0, n.capacity() - 2, 1, j -> List.of(new Stmt.If(List.of(new Stmt.IfClause(
          Ir.binary(BinaryOp.GE, Ir.ref(j, at), position, at),
          List.of(new Stmt.Assign(Ir.element(slots, Ir.ref(j, at), at),
              Ir.element(slots, Ir.binary(BinaryOp.ADD, Ir.ref(j, at), Ir.integer(1, at), at), at), at)), at)), at)),
          at));
    }
    out.add(new Stmt.Undefine(Ir.element(slots, Ir.integer(n.capacity() - 1, at), at), at));
    out.add(new Stmt.Assign(count, Ir.binary(BinaryOp.SUB, count, Ir.integer(1, at), at), at));
    return out;
  }

  // ------------------------------------------------------------------------------------------ send

  /** The lowered network {@code ref} names; null (reported) when it is not one. */
  Network network(EObject at, Named ref) {
    if (ref == null || ref.eIsProxy()) {
      return null; // reported by the linker
    }
    if (!(ref instanceof NetworkDecl)) {
      cx.problems().error(at, "'" + ref.getName() + "' is not a network");
      return null;
    }
    return (Network) cx.bindings().get(ref); // null: its declaration was rejected
  }

  /** Message {@code declared} of {@code n} with {@code arity} fields; null (reported) when there is none. */
  Message message(Network n, EObject at, MsgDecl declared, int arity) {
    if (declared == null || declared.eIsProxy()) {
      return null; // reported by the linker (no such message in the network)
    }
    return message(n, at, declared.getName(), arity);
  }

  /** Message {@code kind} (a name, as in {@code inflight(net, Msg(...))}) of {@code n}; null (reported) when none. */
  Message message(Network n, EObject at, String kind, int arity) {
    Message m = n.messages().get(kind);
    if (m == null) {
      cx.problems().error(at, "network '" + n.decl().getName() + "' has no message '" + kind + "'"
          + Suggestions.amongKnown(kind, n.messages().keySet()));
      return null;
    }
    if (arity != m.fields().size()) {
      cx.problems().error(at, "message '" + kind + "' has " + m.fields().size() + " field"
          + (m.fields().size() == 1 ? "" : "s") + " (" + String.join(", ", m.fields()) + "), not " + arity);
      return null;
    }
    return m;
  }

  /** Lowers {@code send}. */
  Stmt send(SendStmt s, List<Local> temps) {
    SourceLocation at = cx.locations().of(s);
    Network n = network(s, s.getNet());
    if (n == null) {
      return null;
    }
    List<Stmt> out = sendOne(n, s.getMessage(), s.getFrom(), s.getTo(), s, temps, at);
    return out == null ? null : out.size() == 1 ? out.get(0) : Ir.block(out, at);
  }

  /** Lowers {@code broadcast}: a loop over the receiver quantifier, skipping the excepted value. */
  Stmt broadcast(BroadcastStmt b, List<Local> temps) {
    SourceLocation at = cx.locations().of(b);
    Network n = network(b, b.getNet());
    Quantifier q = binders.lowerQuantifier(b.getQuantifier(), false);
    if (n == null || q == null) {
      return null;
    }
    Expr except = null;
    if (b.getExcept() != null) {
      Expr e = exprs.lower(b.getExcept(), ExprLowering.Mode.NORMAL);
      if (e == null) {
        return null;
      }
      if (!TypeRules.comparable(q.variable().type(), e.type())) {
        cx.problems().error(b.getExcept(), "'except' needs a value of the quantifier's type "
            + cx.typeRules().describe(q.variable().type()) + ", not " + cx.typeRules().describe(e.type()));
        return null;
      }
      except = Ir.binary(BinaryOp.NEQ, Ir.ref(q.variable(), at), e, at);
    }
    List<Stmt> one;
    if (n.kind() == NetKind.ORDERED) {
      Stmt s = sendOrdered(n, b.getMessage(), b.getFrom(), Ir.ref(q.variable(), at), b, at);
      one = s == null ? null : List.of(s);
    } else {
      one = sendOne(n, b.getMessage(), b.getFrom(), null, b, temps, at); // reports a 'from' here as a misuse
    }
    if (one == null) {
      return null;
    }
    // A leading 'undefine msg' stays first in the loop body: it marks msg as a per-iteration temporary.
    List<Stmt> body = new ArrayList<>();
    List<Stmt> rest = one;
    if (one.get(0) instanceof Stmt.Undefine) {
      body.add(one.get(0));
      rest = one.subList(1, one.size());
    }
    body.add(except == null ? Ir.block(rest, at) : new Stmt.If(List.of(new Stmt.IfClause(except, rest, at)), at));
    return new Stmt.For(q, body, at);
  }

  static String fromToMisuse(Network n) {
    return "'from' and 'to' name the queue of an ordered network; network '" + n.decl().getName() + "' is "
        + n.kind().getLiteral() + ": put the sender or receiver in a message field";
  }

  /** The statements of one send (for an unordered network, the first undefines the message temporary). */
  private List<Stmt> sendOne(Network n, MsgExpr msg, io.ballot.dsl.murphi.Expr from, io.ballot.dsl.murphi.Expr to,
      EObject stmt, List<Local> temps, SourceLocation at) {
    if (n.kind() == NetKind.ORDERED) {
      if (to == null || from == null) {
        cx.problems().error(stmt, "sending on ordered network '" + n.decl().getName() + "' needs 'from' and 'to'");
        return null;
      }
      Expr toValue = endpointValue(n, to);
      Stmt s = toValue == null ? null : sendOrdered(n, msg, from, toValue, stmt, at);
      return s == null ? null : List.of(s);
    }
    if (from != null || to != null) {
      cx.problems().error(from != null ? from : to, fromToMisuse(n));
      return null;
    }
    Message m = message(n, msg, msg.getKind(), msg.getArgs().size());
    List<Expr> args = arguments(m, msg);
    if (args == null) {
      return null;
    }
    Expr var = new Expr.VarRef(n.variable(), at);
    if (n.kind() == NetKind.SET) {
      return List.of(new Stmt.Assign(setFlag(var, m, args, at), Ir.bool(true, at), at));
    }
    Local tmp = new Local("msg", Local.Kind.VARIABLE, n.messageType(), at);
    temps.add(tmp);
    List<Stmt> fill = new ArrayList<>(setFields(Ir.ref(tmp, at), n, m, args, at));
    fill.add(new Stmt.MultisetAdd(Ir.ref(tmp, at), var, at));
    Local c = slotLocal(n, "c", Local.Kind.MULTISET_INDEX, at);
    Expr count = new Expr.MultisetCount(c, var, Ir.bool(true, at), at);
    return List.of(new Stmt.Undefine(Ir.ref(tmp, at), at), unlessFull(n, m, count, fill, args, at));
  }

  /**
   * {@code send}: when {@code count} is at the capacity, drop the message or fail, as the network says. A drop puts
   * the message ({@code shown}: for an ordered network the queue's sender and receiver, then the field values) for
   * the trace to show ({@link FullDrops}); the search ignores what a rule puts.
   */
  private static Stmt unlessFull(Network n, Message m, Expr count, List<Stmt> send, List<Expr> shown,
      SourceLocation at) {
    Expr full = Ir.binary(BinaryOp.GE, count, Ir.integer(n.capacity(), at), at);
    if (n.dropWhenFull()) {
      Expr room = Ir.binary(BinaryOp.LT, count, Ir.integer(n.capacity(), at), at);
      List<Stmt> drop = new ArrayList<>();
      drop.add(new Stmt.Put(FullDrops.marker(n.decl().getName(), m.name(), n.kind() == NetKind.ORDERED, m.fields()),
          null, at));
      for (Expr e : shown) {
        drop.add(new Stmt.Put(null, e, at));
      }
      return new Stmt.If(List.of(new Stmt.IfClause(room, send, at), new Stmt.IfClause(null, drop, at)), at);
    }
    return Ir.failIf(full, overflow(n, m), send, at);
  }

  private static String overflow(Network n, Message m) {
    return "network '" + n.decl().getName() + "' is full (capacity " + n.capacity() + "): cannot send " + m.name();
  }

  private Expr endpointValue(Network n, io.ballot.dsl.murphi.Expr e) {
    Expr v = exprs.lower(e, ExprLowering.Mode.NORMAL);
    if (v != null && !TypeRules.assignable(n.endpoint(), v.type())) {
      cx.problems().error(e, "network '" + n.decl().getName() + "' connects values of type "
          + cx.typeRules().describe(n.endpoint()) + ", not " + cx.typeRules().describe(v.type()));
      return null;
    }
    return v;
  }

  private Stmt sendOrdered(Network n, MsgExpr msg, io.ballot.dsl.murphi.Expr from, Expr toValue, EObject stmt,
      SourceLocation at) {
    if (from == null) {
      cx.problems().error(stmt, "sending on ordered network '" + n.decl().getName() + "' needs 'from'");
      return null;
    }
    Expr fromValue = endpointValue(n, from);
    Message m = message(n, msg, msg.getKind(), msg.getArgs().size());
    List<Expr> args = arguments(m, msg);
    if (fromValue == null || args == null) {
      return null;
    }
    Expr q = Ir.element(Ir.element(new Expr.VarRef(n.variable(), at), fromValue, at), toValue, at);
    Expr count = Ir.field(q, "count", at);
    Expr slot = Ir.element(Ir.field(q, "slot", at), count, at);
    List<Stmt> fill = new ArrayList<>(setFields(slot, n, m, args, at));
    fill.add(new Stmt.Assign(count, Ir.binary(BinaryOp.ADD, count, Ir.integer(1, at), at), at));
    List<Expr> shown = new ArrayList<>(List.of(fromValue, toValue));
    shown.addAll(args);
    return unlessFull(n, m, count, fill, shown, at);
  }

  private static List<Stmt> setFields(Expr record, Network n, Message m, List<Expr> args, SourceLocation at) {
    List<Stmt> out = new ArrayList<>();
    out.add(new Stmt.Assign(Ir.field(record, KIND_FIELD, at), new Expr.Literal(n.tagType(), m.tag(), at), at));
    for (int i = 0; i < args.size(); i++) {
      out.add(new Stmt.Assign(Ir.field(record, m.fields().get(i), at), args.get(i), at));
    }
    return out;
  }

  private List<Expr> arguments(Message m, MsgExpr msg) {
    return arguments(m, msg.getArgs(), ExprLowering.Mode.NORMAL);
  }

  /** The lowered field values {@code written} of message {@code m}; null (reported) when one is wrong. */
  List<Expr> arguments(Message m, List<io.ballot.dsl.murphi.Expr> written, ExprLowering.Mode mode) {
    if (m == null) {
      return null;
    }
    List<Expr> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < written.size(); i++) {
      Expr a = exprs.lower(written.get(i), mode);
      if (a == null) {
        ok = false;
        continue;
      }
      Type t = m.types().get(i);
      if (!TypeRules.assignable(t, a.type())) {
        cx.problems().error(written.get(i), "field '" + m.fields().get(i) + "' of message '" + m.name()
            + "' has type " + cx.typeRules().describe(t) + "; this value has type " + cx.typeRules().describe(a.type()));
        ok = false;
      }
      out.add(a);
    }
    return ok ? out : null;
  }

  /** Whether {@code message} is {@code m} with fields {@code args}. */
  static Expr matches(Network n, Message m, Expr message, List<Expr> args, SourceLocation at) {
    Expr out = Ir.binary(BinaryOp.EQ, Ir.field(message, KIND_FIELD, at), new Expr.Literal(n.tagType(), m.tag(), at), at);
    for (int i = 0; i < args.size(); i++) {
      out = Ir.and(at, out, Ir.binary(BinaryOp.EQ, Ir.field(message, m.fields().get(i), at), args.get(i), at));
    }
    return out;
  }
}
