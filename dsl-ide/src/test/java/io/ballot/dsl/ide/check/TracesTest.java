package io.ballot.dsl.ide.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ballot.checker.ir.NetworkInfo;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.VariableValue;
import io.ballot.checker.result.Violation;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.result.messages.MessageTraces;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The editors' counterexample (text and the {@code changes} table) names messages, not their encoding. */
class TracesTest {
  private static final SourceLocation AT = new SourceLocation("m.m", 3, 1, 3, 9);

  @Test
  void stepsSayWhichMessagesTheySentAndReceived() {
    NetworkInfo net = new NetworkInfo("net", NetworkInfo.Kind.UNORDERED,
        List.of(new NetworkInfo.MessageKind("Ping", List.of("src"))),
        List.of(new NetworkInfo.MessageRule("receive Ping on net", AT, NetworkInfo.Role.RECEIVE, "Ping", "net_slot",
            null, null, null, List.of(), List.of("net_slot"))));
    List<VariableValue> one = List.of(new VariableValue("x", "0"), new VariableValue("net{0}.kind", "Ping"),
        new VariableValue("net{0}.src", "A"));
    List<TraceStep> trace = new MessageTraces(List.of(net)).annotate(List.of(
        new TraceStep("Init", List.of(), List.of(new VariableValue("x", "0"))),
        new TraceStep("send", List.of("n: A"), one),
        new TraceStep("receive Ping on net", List.of("net_slot: 0"), List.of(new VariableValue("x", "1")), AT)));
    Violation v = new Violation(ViolationKind.INVARIANT, "p", AT, "invariant \"p\" failed", trace);
    String text = Traces.toText(v);
    assertEquals("""
        invariant "p": invariant "p" failed (counterexample of 3 steps)
        step 1: Init
          x = 0
          net = []
        step 2: send (n: A)
          sent Ping(src: A)
          net = [Ping(src: A)]
        step 3: receive Ping on net
          received Ping(src: A)
          x = 1
          net = []
        """, text);
    List<?> steps = (List<?>) Traces.toJson(v).get("steps");
    Map<?, ?> last = (Map<?, ?>) steps.get(2);
    assertEquals(List.of(Map.of("name", "received", "value", "Ping(src: A)"), Map.of("name", "x", "value", "1"),
        Map.of("name", "net", "value", "[]")), last.get("changes"));
    assertFalse(text.contains("slot") || text.contains("{0}"), text);
  }
}
