package io.ballot.checker.result.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ballot.checker.ir.NetworkInfo;
import io.ballot.checker.ir.NetworkInfo.Endpoint;
import io.ballot.checker.ir.NetworkInfo.MessageKind;
import io.ballot.checker.ir.NetworkInfo.MessageRule;
import io.ballot.checker.ir.NetworkInfo.Role;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.VariableValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Steps of hand-written traces, as the state renderer prints networks, put in the protocol's words. */
class MessageTracesTest {
  private static final SourceLocation RECEIVE = new SourceLocation("m.m", 10, 3, 10, 40);
  private static final SourceLocation LOSE = new SourceLocation("m.m", 4, 1, 7, 4);
  private static final SourceLocation SEND = new SourceLocation("m.m", 12, 3, 12, 40);

  private static final List<MessageKind> KINDS =
      List.of(new MessageKind("Ping", List.of("src", "dst")), new MessageKind("Pong", List.of("src")));

  private static final NetworkInfo UNORDERED = new NetworkInfo("net", NetworkInfo.Kind.UNORDERED, KINDS, List.of(
      new MessageRule("echo", RECEIVE, Role.RECEIVE, "Ping", "net_slot", null, null, null, List.of(),
          List.of("net_slot")),
      new MessageRule("lose from net", LOSE, Role.LOSE, null, "m", null, null, null, List.of(), List.of("m")),
      new MessageRule("duplicate in net", LOSE, Role.DUPLICATE, null, "m", null, null, null, List.of(),
          List.of("m"))));

  /** Leaves of a multiset slot holding {@code Ping(src, dst)}. */
  private static List<VariableValue> ping(int slot, String src, String dst) {
    return List.of(new VariableValue("net{" + slot + "}.kind", "Ping"), new VariableValue("net{" + slot + "}.src", src),
        new VariableValue("net{" + slot + "}.dst", dst));
  }

  @SafeVarargs
  private static List<VariableValue> state(List<VariableValue>... parts) {
    List<VariableValue> out = new ArrayList<>();
    out.add(new VariableValue("x", "0"));
    for (List<VariableValue> p : parts) {
      out.addAll(p);
    }
    return out;
  }

  private static TraceStep step(String rule, SourceLocation at, List<String> params, List<VariableValue> state) {
    return new TraceStep(rule, params, state, at);
  }

  private static List<String> events(TraceStep s) {
    return s.messages().events().stream().map(e -> e.describe(false)).toList();
  }

  @Test
  void aReceiveThatSendsTheSameMessageBackReceivesAndSendsIt() {
    // The slot is reused: the text diff shows no change at all, the messages view must show both.
    List<TraceStep> trace = new MessageTraces(List.of(UNORDERED)).annotate(List.of(
        step("Init", SEND, List.of(), state()),
        step("send", SEND, List.of("n: A"), state(ping(0, "A", "B"))),
        step("echo", RECEIVE, List.of("n: B", "net_slot: 0"), state(ping(0, "A", "B")))));
    assertEquals(List.of("sent Ping(src: A, dst: B)"), events(trace.get(1)));
    assertEquals(List.of("received Ping(src: A, dst: B)", "sent Ping(src: A, dst: B)"), events(trace.get(2)));
    assertEquals(List.of("n: B"), trace.get(2).parameters(), "the slot quantifier is the encoding's, not the user's");
    assertEquals("[]", trace.get(0).messages().contents().get(0).list(), "an empty network is listed");
    assertEquals("net: [Ping(src: A, dst: B)]", TraceLines.of(trace, 2, true).get(3));
  }

  @Test
  void aReceiveTakesTheMessageInItsSlotNotAnotherOfTheSameKind() {
    List<TraceStep> trace = new MessageTraces(List.of(UNORDERED)).annotate(List.of(
        step("Init", SEND, List.of(), state(ping(0, "A", "B"), ping(1, "B", "A"))),
        step("echo", RECEIVE, List.of("net_slot: 1"), state(ping(0, "A", "B")))));
    assertEquals(List.of("received Ping(src: B, dst: A)"), events(trace.get(1)));
  }

  @Test
  void lossAndDuplicationAreNamed() {
    List<TraceStep> trace = new MessageTraces(List.of(UNORDERED)).annotate(List.of(
        step("Init", SEND, List.of(), state(ping(2, "A", "B"))),
        step("duplicate in net", LOSE, List.of("m: 2"), state(ping(0, "A", "B"), ping(2, "A", "B"))),
        step("lose from net", LOSE, List.of("m: 0"), state(ping(2, "A", "B")))));
    assertEquals(List.of("duplicated Ping(src: A, dst: B)"), events(trace.get(1)));
    assertEquals(List.of("lost Ping(src: A, dst: B)"), events(trace.get(2)));
    assertEquals(List.of(), trace.get(2).parameters());
    assertEquals("[Ping(src: A, dst: B), Ping(src: A, dst: B)]", trace.get(1).messages().contents().get(0).list());
  }

  @Test
  void aSetNetworksReceiveKeepsTheMessageAndNamesItFromItsParameters() {
    NetworkInfo set = new NetworkInfo("msgs", NetworkInfo.Kind.SET,
        List.of(new MessageKind("Prepared", List.of("rm")), new MessageKind("Commit", List.of())),
        List.of(new MessageRule("TMRcvPrepared", RECEIVE, Role.RECEIVE, "Prepared", null, null, null, null,
            List.of("r"), List.of())));
    List<VariableValue> sent = List.of(new VariableValue("msgs.Prepared[RM_1]", "true"),
        new VariableValue("msgs.Prepared[RM_2]", "false"), new VariableValue("msgs.Commit", "true"));
    List<TraceStep> trace = new MessageTraces(List.of(set)).annotate(List.of(
        step("Init", SEND, List.of(), sent),
        step("TMRcvPrepared", RECEIVE, List.of("r: RM_1"), sent)));
    assertEquals(List.of("received Prepared(rm: RM_1)"), events(trace.get(1)));
    assertEquals("[Prepared(rm: RM_1), Commit]", trace.get(1).messages().contents().get(0).list());
    assertEquals(List.of("r: RM_1"), trace.get(1).parameters());
    assertEquals(List.of("received Prepared(rm: RM_1)"), TraceLines.of(trace, 1, false),
        "nothing else changed: no network line, no variable");
  }

  @Test
  void anOrderedNetworkListsEachQueueAndReceivesItsHead() {
    NetworkInfo ch = new NetworkInfo("ch", NetworkInfo.Kind.ORDERED, List.of(new MessageKind("Data", List.of("v"))),
        List.of(new MessageRule("receive Data on ch", RECEIVE, Role.RECEIVE, "Data", null, Endpoint.parameter("s"),
            Endpoint.parameter("r"), null, List.of(),
            List.of())));
    List<VariableValue> two = List.of(new VariableValue("ch[A][B].count", "2"),
        new VariableValue("ch[A][B].slot[0].kind", "Data"), new VariableValue("ch[A][B].slot[0].v", "1"),
        new VariableValue("ch[A][B].slot[1].kind", "Data"), new VariableValue("ch[A][B].slot[1].v", "2"),
        new VariableValue("ch[B][A].count", "0"), new VariableValue("ch[B][A].slot[0].kind", "Undefined"),
        new VariableValue("ch[B][A].slot[0].v", "Undefined"), new VariableValue("ch[B][A].slot[1].kind", "Undefined"),
        new VariableValue("ch[B][A].slot[1].v", "Undefined"));
    List<VariableValue> one = new ArrayList<>(two);
    one.set(0, new VariableValue("ch[A][B].count", "1"));
    one.set(2, new VariableValue("ch[A][B].slot[0].v", "2"));
    one.set(3, new VariableValue("ch[A][B].slot[1].kind", "Undefined"));
    one.set(4, new VariableValue("ch[A][B].slot[1].v", "Undefined"));
    List<TraceStep> trace = new MessageTraces(List.of(ch)).annotate(List.of(
        step("Init", SEND, List.of(), two),
        step("receive Data on ch", RECEIVE, List.of("s: A", "r: B"), one)));
    assertEquals(List.of("received Data(v: 1) from A to B"), events(trace.get(1)));
    assertEquals(List.of("ch[A -> B]: [Data(v: 1), Data(v: 2)]", "ch[every other queue]: []"),
        TraceLines.of(trace, 0, false));
    assertEquals(List.of("received Data(v: 1) from A to B", "ch[A -> B]: [Data(v: 2)]"),
        TraceLines.of(trace, 1, false));
    assertFalse(String.join("\n", TraceLines.of(trace, 1, true)).contains("slot"));
  }

  @Test
  void aReceiveFromAFixedSenderIsReceivedAndComesBeforeWhatItsBodySends() {
    NetworkInfo ch = new NetworkInfo("ch", NetworkInfo.Kind.ORDERED, List.of(new MessageKind("Data", List.of("v"))),
        List.of(new MessageRule("receive Data on ch", RECEIVE, Role.RECEIVE, "Data", null, Endpoint.fixed("B"),
            Endpoint.fixed("A"), null,
            List.of(), List.of())));
    // before: B -> A holds Data(1); the step receives it and its body sends Data(2) from A to B (an earlier queue)
    List<VariableValue> before = List.of(new VariableValue("ch[A][B].count", "0"),
        new VariableValue("ch[A][B].slot[0].kind", "Undefined"), new VariableValue("ch[A][B].slot[0].v", "Undefined"),
        new VariableValue("ch[B][A].count", "1"), new VariableValue("ch[B][A].slot[0].kind", "Data"),
        new VariableValue("ch[B][A].slot[0].v", "1"));
    List<VariableValue> after = List.of(new VariableValue("ch[A][B].count", "1"),
        new VariableValue("ch[A][B].slot[0].kind", "Data"), new VariableValue("ch[A][B].slot[0].v", "2"),
        new VariableValue("ch[B][A].count", "0"), new VariableValue("ch[B][A].slot[0].kind", "Undefined"),
        new VariableValue("ch[B][A].slot[0].v", "Undefined"));
    List<TraceStep> trace = new MessageTraces(List.of(ch)).annotate(List.of(
        step("Init", SEND, List.of(), before),
        step("receive Data on ch", RECEIVE, List.of(), after)));
    assertEquals(List.of("received Data(v: 1) from B to A", "sent Data(v: 2) from A to B"), events(trace.get(1)));
  }

  @Test
  void aPlainStepKeepsItsState() {
    TraceStep plain = new TraceStep("r", List.of(), List.of(new VariableValue("x", "1")), SEND);
    assertNull(plain.messages());
    assertEquals(List.of("x: 1"), TraceLines.of(List.of(plain), 0, false));
  }
}
