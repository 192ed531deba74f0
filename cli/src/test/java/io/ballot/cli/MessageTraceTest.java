package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballot.cli.report.Schemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counterexamples of models with networks are in the protocol's words in every report: messages sent, received,
 * lost and duplicated, networks as message lists, no multiset slots, no slot quantifiers, no network leaves.
 */
class MessageTraceTest {
  private static final Path PROTOCOLS = Path.of("..", "protocols");
  private static final Path TWO_PHASE = PROTOCOLS.resolve("models/two-phase/TwoPhase-bug-commit-on-timeout-ext.m");

  /** The language reference's example, with an invariant that one vote breaks. */
  private static final String VOTES = """
      const N: 2;
      type Node: scalarset(N);
      var term: array [Node] of 0 .. 2 := 0;
          leader: array [Node] of boolean := false;
          votes: array [Node] of 0 .. N := 0;
      network net: unordered lossy duplicating capacity 4 of
        RequestVote(src: Node, term: 0 .. 2);
        Vote(src: Node, dst: Node, term: 0 .. 2);
      end;
      ruleset n: Node do
        rule "campaign" !leader[n] & term[n] < 1 ==>
          term[n] := term[n] + 1; votes[n] := 1;
          broadcast net RequestVote(n, term[n]) to d: Node except n;
        end;
        receive net RequestVote(c, t) where c != n ==> send net Vote(n, c, t); end;
        receive "count a vote" net Vote(v, c, t) where c = n & t = term[n] ==>
          votes[n] := votes[n] + 1;
          if 2 * votes[n] > N then leader[n] := true; end;
        end;
      end;
      invariant "no leader" forall n: Node do !leader[n] end;
      """;

  private static String noEncoding(String text) {
    for (String leak : List.of("net{", "_slot", "msgs.", "(no change)", "kind: ")) {
      assertFalse(text.contains(leak), () -> "'" + leak + "' in\n" + text);
    }
    return text;
  }

  @Test
  void aSetNetworksTraceSaysWhatWasSentAndReceived() {
    Cli r = Cli.run("check", "--deadlock-detection", "stuck", TWO_PHASE.toString());
    assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), r::toString);
    String out = noEncoding(r.out());
    assertTrue(out.contains("  msgs: []\nStep 2: TMCommitOnTimeout\n  sent Commit\n  tmState: tm_committed\n"
        + "  msgs: [Commit]\n"), out);
    assertTrue(out.contains("Step 4: RMRcvCommitMsg, rm: RM_2\n  received Commit\n"), out);
  }

  @Test
  void aSetNetworksFullTraceListsItsMessagesEveryStep() {
    Cli r = Cli.run("check", "--deadlock-detection", "stuck", "--counterexample-trace", "full",
        TWO_PHASE.toString());
    String out = noEncoding(r.out());
    assertEquals(4, out.split("\n  msgs: \\[", -1).length - 1, out);
  }

  @Test
  void anUnorderedNetworksTraceNamesEachMessage(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("votes.m");
    Files.writeString(model, VOTES);
    Cli r = Cli.run("check", "--deadlock-detection", "off", model.toString());
    assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), r::toString);
    String out = noEncoding(r.out());
    assertTrue(out.contains("  net: []\nStep 2: campaign, n: Node_1\n  sent RequestVote(src: Node_1, term: 1)\n"), out);
    assertTrue(out.contains("Step 3: receive RequestVote on net, n: Node_2\n"
        + "  received RequestVote(src: Node_1, term: 1)\n  sent Vote(src: Node_2, dst: Node_1, term: 1)\n"
        + "  net: [Vote(src: Node_2, dst: Node_1, term: 1)]\n"), out);
    assertTrue(out.contains("Step 4: count a vote, n: Node_1\n  received Vote(src: Node_2, dst: Node_1, term: 1)\n"),
        out);
  }

  /** An ordered lossy network whose second message is delivered after the first was lost. */
  private static final String QUEUES = """
      type Node: scalarset(2);
      var sent: array [Node] of 0 .. 3 := 0;
          got: array [Node] of 0 .. 3 := 0;
      network ch: ordered [Node] lossy capacity 2 of
        Data(v: 0 .. 3);
      end;
      ruleset n: Node; m: Node do
        rule "send" n != m & sent[n] < 2 ==> sent[n] := sent[n] + 1; send ch Data(sent[n]) from n to m; end;
      end;
      receive ch Data(v) from s to r ==> got[r] := v; end;
      invariant "got two" forall n: Node do got[n] != 2 end;
      """;

  @Test
  void anOrderedNetworksTraceListsQueuesAndLosses(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("queues.m");
    Files.writeString(model, QUEUES);
    Path json = dir.resolve("q.json");
    Cli r = Cli.run("check", "--deadlock-detection", "off", "--json", json.toString(), model.toString());
    assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), r::toString);
    String out = noEncoding(r.out());
    assertFalse(out.contains(".count") || out.contains("position"), out);
    assertTrue(out.contains("  ch[every queue]: []\nStep 2:"), out); // not the N² empty queues one by one
    assertTrue(out.contains("Step 3: lose from ch, from: Node_1, to: Node_2\n  lost Data(v: 1) from Node_1 to Node_2\n"
        + "  ch[Node_1 -> Node_2]: []\n"), out);
    assertTrue(out.contains("  received Data(v: 2) from Node_1 to Node_2\n  got[Node_2]: 2\n"), out);
    JsonNode rules = new ObjectMapper().readTree(json.toFile()).get("modelInfo").get("rules");
    List<String> loseParameters = new ArrayList<>();
    rules.forEach(rule -> {
      if (rule.get("name").asText().equals("lose from ch")) {
        rule.get("parameters").forEach(p -> loseParameters.add(p.get("name").asText()));
      }
    });
    assertEquals(List.of("from", "to"), loseParameters, "the queue position is the encoding's");
  }

  @Test
  void theJsonReportHasAMessagesViewAndKeepsTheRawState(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("votes.m");
    Files.writeString(model, VOTES);
    Path json = dir.resolve("r.json");
    Cli r = Cli.run("check", "--deadlock-detection", "off", "--json", json.toString(), model.toString());
    assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), r::toString);
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertEquals("", Schemas.problems(Schemas.result(), report));
    JsonNode trace = report.get("violations").get(0).get("trace");
    JsonNode step3 = trace.get(2);
    assertEquals("[\"n: Node_2\"]", step3.get("parameters").toString());
    assertEquals("Vote", step3.get("state").get("net{0}.kind").asText(), "the raw variables stay");
    List<String> events = new ArrayList<>();
    step3.get("messages").get("events").forEach(e -> events.add(e.get("action").asText() + " " + e.get("message")
        .get("text").asText()));
    assertEquals(List.of("received RequestVote(src: Node_1, term: 1)", "sent Vote(src: Node_2, dst: Node_1, term: 1)"),
        events);
    JsonNode vote = step3.get("messages").get("events").get(1).get("message");
    assertEquals("Node_1", vote.get("fields").get("dst").asText());
    JsonNode net = trace.get(0).get("messages").get("networks").get(0);
    assertEquals("net", net.get("network").asText());
    assertEquals(0, net.get("messages").size(), "the empty network is listed");
  }

  @Test
  void sarifStepsSayWhichMessagesMoved(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("ballot.yaml");
    Files.writeString(yaml, "models:\n  - model: " + TWO_PHASE.toAbsolutePath().normalize()
        + "\n    deadlock-detection: stuck\n    expect: holds\n");
    Path sarif = dir.resolve("ballot.sarif");
    // the model is outside the project file's directory: --root lets it name it
    Cli.run("check", yaml.toString(), "--sarif", sarif.toString(), "--root", TWO_PHASE.toAbsolutePath().getParent()
        .toString());
    JsonNode log = Schemas.read(sarif);
    List<String> texts = new ArrayList<>();
    log.findValues("threadFlows").forEach(f -> f.findValues("message").forEach(m -> texts.add(m.get("text").asText())));
    String all = String.join("\n", texts);
    assertTrue(all.contains("Step 2: TMCommitOnTimeout: sent Commit, tmState = tm_committed, msgs = [Commit]"), all);
    assertTrue(all.contains("Step 4: RMRcvCommitMsg (rm: RM_2): received Commit, rmState[RM_2] = committed"), all);
    noEncoding(all);
  }

  @Test
  void aMessageDroppedAtAFullNetworkIsShownLostInEveryReport(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("drops.m");
    Files.writeString(model, """
        var sent: 0 .. 3 := 0;
        network net: unordered lossy capacity 1 of Ping(v: 0 .. 3); end;
        rule "send" sent < 3 ==> sent := sent + 1; send net Ping(sent); end;
        invariant "not three sent" sent < 2;
        """);
    Path json = dir.resolve("d.json");
    Cli r = Cli.run("check", "--deadlock-detection", "off", "--json", json.toString(), model.toString());
    assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), r::toString);
    String out = noEncoding(r.out());
    assertTrue(out.contains("Step 2: send\n  sent Ping(v: 1)\n"), out);
    assertTrue(out.contains("Step 3: send\n  lost Ping(v: 2) (network full)\n  sent: 2\n"), out);
    Cli full = Cli.run("check", "--deadlock-detection", "off", "--counterexample-trace", "full", model.toString());
    assertTrue(full.out().contains("Step 3: send\n  lost Ping(v: 2) (network full)\n"), full::toString);
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertEquals("", Schemas.problems(Schemas.result(), report));
    JsonNode lost = report.get("violations").get(0).get("trace").get(2).get("messages").get("events").get(0);
    assertEquals("lost", lost.get("action").asText());
    assertTrue(lost.get("full").asBoolean(), lost::toString);
    assertEquals("2", lost.get("message").get("fields").get("v").asText());
    assertEquals("lost Ping(v: 2) (network full)", lost.get("text").asText());
  }

  @Test
  void aMessageDroppedAtAFullQueueNamesItsQueue(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("queue.m");
    Files.writeString(model, """
        type Node: enum { A, B };
        var sent: 0 .. 3 := 0;
        network ch: ordered [Node] capacity 1 when full: drop of Data(v: 0 .. 3); end;
        rule "send" sent < 3 ==> sent := sent + 1; send ch Data(sent) from A to B; end;
        invariant "not two sent" sent < 2;
        """);
    Path sarif = dir.resolve("q.sarif");
    Cli r = Cli.run("check", "--deadlock-detection", "off", "--sarif", sarif.toString(), model.toString());
    assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Step 3: send\n  lost Data(v: 2) from A to B (queue full)\n"),
        r::toString);
    List<String> texts = new ArrayList<>();
    Schemas.read(sarif).findValues("threadFlows")
        .forEach(f -> f.findValues("message").forEach(m -> texts.add(m.get("text").asText())));
    String all = String.join("\n", texts);
    assertTrue(all.contains("Step 3: send: lost Data(v: 2) from A to B (queue full)"), all);
  }
}
