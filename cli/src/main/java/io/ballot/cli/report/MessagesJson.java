package io.ballot.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ballot.checker.result.messages.Message;
import io.ballot.checker.result.messages.MessageEvent;
import io.ballot.checker.result.messages.NetworkContents;
import io.ballot.checker.result.messages.StepMessages;
import java.util.Locale;

/**
 * A trace step's {@code messages} view in the JSON report (docs/trace-format.md): {@code events}, what the step
 * sent, received, lost or duplicated, and {@code networks}, each network's (or ordered queue's) contents after it.
 */
public final class MessagesJson {
  private MessagesJson() {}

  /** The view of {@code m}. */
  public static ObjectNode of(StepMessages m) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    ArrayNode events = o.putArray("events");
    for (MessageEvent e : m.events()) {
      ObjectNode j = events.addObject();
      j.put("action", e.action().name().toLowerCase(Locale.ROOT));
      j.put("network", e.network());
      putQueue(j, e.from(), e.to());
      j.set("message", message(e.message()));
      if (e.full()) {
        j.put("full", true);
      }
      j.put("text", e.describe(m.severalNetworks()));
    }
    ArrayNode networks = o.putArray("networks");
    for (NetworkContents c : m.contents()) {
      ObjectNode j = networks.addObject();
      j.put("network", c.network());
      putQueue(j, c.from(), c.to());
      j.put("label", c.label());
      ArrayNode list = j.putArray("messages");
      c.messages().forEach(msg -> list.add(message(msg)));
      j.put("text", c.list());
    }
    return o;
  }

  private static void putQueue(ObjectNode j, String from, String to) {
    if (from != null) {
      j.put("from", from);
      j.put("to", to);
    }
  }

  private static ObjectNode message(Message msg) {
    ObjectNode j = JsonNodeFactory.instance.objectNode();
    j.put("kind", msg.kind());
    ObjectNode fields = j.putObject("fields");
    msg.fields().forEach(f -> fields.put(f.name(), f.value()));
    j.put("text", msg.toString());
    return j;
  }
}
