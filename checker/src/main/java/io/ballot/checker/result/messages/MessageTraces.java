package io.ballot.checker.result.messages;

import io.ballot.checker.ir.NetworkInfo;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.Violation;
import io.ballot.checker.ts.Instance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Puts a model's traces in the protocol's words: for each step, the messages it sent, received, lost or duplicated
 * (the multiset difference of each network's contents between the step's state and the one before, with the rule's
 * identity: a receive rule receives the message its parameters select, a loss rule loses it, a duplication
 * duplicates it) and each network's contents; the parameters that are encoding (a multiset slot, a queue position)
 * are dropped from the step. A message a send dropped at a full network changes no state: the step's
 * {@link FullDrops} output says it was lost. The raw state stays in each step.
 */
public final class MessageTraces {
  private final List<NetworkInfo> networks;
  private final List<NetworkReader> readers;

  public MessageTraces(List<NetworkInfo> networks) {
    this.networks = List.copyOf(networks);
    this.readers = networks.stream().map(NetworkReader::new).toList();
  }

  /** {@code result} with every violation's trace annotated; {@code result} itself when there are no networks. */
  public static Result annotate(Result result, List<NetworkInfo> networks) {
    if (networks.isEmpty() || result.violations().isEmpty()) {
      return result;
    }
    MessageTraces m = new MessageTraces(networks);
    List<Violation> vs = result.violations().stream()
        .map(v -> new Violation(v.kind(), v.property(), v.location(), v.message(), m.annotateOrKeep(v.trace())))
        .toList();
    return new Result(result.verdict(), result.states(), result.rulesFired(), result.depth(), result.seconds(), vs,
        result.covers(), result.stopReason(), result.rules(), result.complete());
  }

  /**
   * {@link #annotate(List)}, or {@code trace} as it is should reading a network fail (a state printed in a form this
   * class does not know): a counterexample in the encoding's words beats none.
   */
  private List<TraceStep> annotateOrKeep(List<TraceStep> trace) {
    try {
      return annotate(trace);
    } catch (RuntimeException e) {
      return trace;
    }
  }

  /** The steps of {@code trace} with their {@link StepMessages} and without internal parameters. */
  public List<TraceStep> annotate(List<TraceStep> trace) {
    List<TraceStep> out = new ArrayList<>();
    List<NetworkReader.Read> before = null;
    for (TraceStep step : trace) {
      List<NetworkReader.Read> after = readers.stream().map(r -> r.read(step.state())).toList();
      Map<String, String> params = Instance.parameterValues(step.parameters());
      List<MessageEvent> events = new ArrayList<>();
      List<NetworkContents> contents = new ArrayList<>();
      List<String> internal = new ArrayList<>();
      List<FullDrops.Drop> drops = FullDrops.read(step.output());
      for (int n = 0; n < networks.size(); n++) {
        NetworkInfo net = networks.get(n);
        NetworkInfo.MessageRule role = before == null ? null : role(net, step);
        if (role != null) {
          internal.addAll(role.internal());
        }
        events.addAll(events(net, role, params, before == null ? null : before.get(n), after.get(n)));
        for (FullDrops.Drop d : drops) {
          if (d.network().equals(net.name())) {
            events.add(new MessageEvent(MessageEvent.Action.LOST, net.name(), d.from(), d.to(), d.message(), true));
          }
        }
        contents.addAll(after.get(n).queues());
      }
      List<String> shown = step.parameters().stream()
          .filter(p -> !internal.contains(name(p)))
          .toList();
      events.sort(Comparator.comparingInt(MessageTraces::stage));
      StepMessages messages = new StepMessages(List.copyOf(events), List.copyOf(contents),
          networks.stream().map(NetworkInfo::name).toList(), List.copyOf(step.parameters()));
      out.add(new TraceStep(step.rule(), shown, step.state(), step.location(), messages, step.output()));
      before = after;
    }
    return out;
  }

  /**
   * When in a step an event happens: the message the rule receives, loses or duplicates first (it fires before the
   * body), then what the body removes, then what it sends (or drops at a full network), each group in queue order.
   */
  private static int stage(MessageEvent e) {
    return switch (e.action()) {
      case RECEIVED, DUPLICATED -> 0;
      case LOST -> e.full() ? 2 : 0;
      case REMOVED -> 1;
      case SENT -> 2;
    };
  }

  private static NetworkInfo.MessageRule role(NetworkInfo net, TraceStep step) {
    for (NetworkInfo.MessageRule r : net.rules()) {
      if (r.rule().equals(step.rule()) && Objects.equals(r.location(), step.location())) {
        return r;
      }
    }
    return null;
  }

  /** The messages {@code role} (null: an ordinary rule) moved in one network between two of its states. */
  private static List<MessageEvent> events(NetworkInfo net, NetworkInfo.MessageRule role, Map<String, String> params,
      NetworkReader.Read before, NetworkReader.Read after) {
    List<MessageEvent> out = new ArrayList<>();
    for (NetworkContents now : after.queues()) {
      NetworkContents was = before == null ? null : before.queue(now);
      List<Message> base = new ArrayList<>(was == null ? List.of() : was.messages());
      if (role != null && inQueue(role, params, now)) {
        Message m = selected(net, role, params, before, was);
        if (m != null) {
          MessageEvent.Action action = switch (role.role()) {
            case RECEIVE -> MessageEvent.Action.RECEIVED;
            case LOSE -> MessageEvent.Action.LOST;
            case DUPLICATE -> MessageEvent.Action.DUPLICATED;
          };
          out.add(new MessageEvent(action, net.name(), now.from(), now.to(), m));
          if (role.role() == NetworkInfo.Role.DUPLICATE) {
            base.add(m);
          } else if (net.kind() != NetworkInfo.Kind.SET) {
            base.remove(m);
          }
        }
      }
      List<Message> added = new ArrayList<>(now.messages());
      List<Message> removed = new ArrayList<>();
      for (Message m : base) {
        if (!added.remove(m)) {
          removed.add(m);
        }
      }
      for (Message m : removed) {
        out.add(new MessageEvent(MessageEvent.Action.REMOVED, net.name(), now.from(), now.to(), m));
      }
      for (Message m : added) {
        out.add(new MessageEvent(MessageEvent.Action.SENT, net.name(), now.from(), now.to(), m));
      }
    }
    return out;
  }

  /** Whether the message {@code role} selects is in queue {@code q} (always, except for an ordered network). */
  private static boolean inQueue(NetworkInfo.MessageRule role, Map<String, String> params, NetworkContents q) {
    return q.from() == null
        || (role.from() != null && role.to() != null
            && q.from().equals(role.from().in(params)) && q.to().equals(role.to().in(params)));
  }

  /** The message a receive, loss or duplication rule's parameters select, in the state before it fired. */
  private static Message selected(NetworkInfo net, NetworkInfo.MessageRule role, Map<String, String> params,
      NetworkReader.Read before, NetworkContents queue) {
    switch (net.kind()) {
      case SET -> {
        NetworkInfo.MessageKind kind = net.message(role.message());
        if (kind == null) {
          return null;
        }
        List<Message.Field> fields = new ArrayList<>();
        for (int i = 0; i < kind.fields().size() && i < role.fieldParameters().size(); i++) {
          fields.add(new Message.Field(kind.fields().get(i), params.get(role.fieldParameters().get(i))));
        }
        return new Message(kind.name(), fields);
      }
      case UNORDERED -> {
        String slot = params.get(role.slot());
        return slot == null || before == null ? null : before.slots().get(Long.parseLong(slot));
      }
      case ORDERED -> {
        int position = role.position() == null ? 0 : Integer.parseInt(params.getOrDefault(role.position(), "0"));
        return queue == null || position >= queue.messages().size() ? null : queue.messages().get(position);
      }
      default -> {
        return null;
      }
    }
  }

  private static String name(String parameter) {
    int colon = parameter.indexOf(": ");
    return colon > 0 ? parameter.substring(0, colon) : parameter;
  }
}
