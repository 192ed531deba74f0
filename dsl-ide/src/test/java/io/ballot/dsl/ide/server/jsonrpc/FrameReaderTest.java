package io.ballot.dsl.ide.server.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A badly framed message is reported and skipped, and every well-framed message after it still arrives: lsp4j's own
 * reader lost the framing for good after one (each later body was read as a header line).
 */
class FrameReaderTest {
  private static final String GOOD = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"shutdown\"}";

  private static byte[] framed(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return concat(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The bodies read from {@code input}, with the problems reported into {@code problems}. */
  private static List<String> read(byte[] input, List<String> problems) throws IOException {
    FrameReader reader = new FrameReader(new ByteArrayInputStream(input), problems::add);
    List<String> bodies = new ArrayList<>();
    byte[] body;
    while ((body = reader.next()) != null) {
      bodies.add(new String(body, StandardCharsets.UTF_8));
    }
    return bodies;
  }

  @Test
  void wellFramedMessagesArriveUnchanged() throws IOException {
    String unicode = "{\"text\":\"\u00e9t\u00e9 \\\"}{\\\" \u4e2d\"}";
    List<String> problems = new ArrayList<>();
    assertEquals(List.of(GOOD, unicode, GOOD), read(concat(framed(GOOD),
        ascii("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"), framed(unicode), framed(GOOD)),
        problems));
    assertEquals(List.of(), problems);
  }

  /** Each kind of bad framing, then a good message: the good one arrives and the bad one is reported. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}", // no header at all
      "Content-Type: text/plain\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}", // no Content-Length
      "Content-Length: 10\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}", // too short
      "Content-Length: 55\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}", // too long
      "Content-Length: twelve\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}", // not a number
      "Content-Length: 99999999999\r\n\r\n{\"id\":1}", // absurd
      "Content-Length: 36\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}", // no blank line after the header
      "hello\r\n\r\n", // a stray line
      "Content-Length: 5\r\n\r\nhello", // not JSON
      "{\"text\":\"Content-Length: 3\"}", // a header-like string inside an unframed body
  })
  void aBadMessageIsReportedAndSkippedAndTheNextOneArrives(String bad) throws IOException {
    List<String> problems = new ArrayList<>();
    assertEquals(List.of(GOOD, GOOD), read(concat(ascii(bad), framed(GOOD), framed(GOOD)), problems));
    assertTrue(!problems.isEmpty(), "reported");
    assertTrue(problems.stream().allMatch(p -> !p.contains("\n") && !p.contains("Exception")), problems.toString());
  }

  @Test
  void theInputEndingInsideAMessageIsReported() throws IOException {
    List<String> problems = new ArrayList<>();
    assertEquals(List.of(GOOD), read(concat(framed(GOOD), ascii("Content-Length: 50\r\n\r\n{\"id\":")), problems));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("ended inside the message"), problems.get(0));
  }

  /**
   * Seeded random streams of good messages, each maybe preceded by a badly framed one of a random kind: every
   * good message arrives, in order, and there is at least one report per bad message.
   */
  @Test
  void everyGoodMessageSurvivesRandomBadOnes() throws IOException {
    Random random = new Random(21_10);
    for (int round = 0; round < 300; round++) {
      ByteArrayOutputStream input = new ByteArrayOutputStream();
      List<String> expected = new ArrayList<>();
      int bad = 0;
      for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
        if (random.nextInt(3) == 0) {
          input.writeBytes(badMessage(random, json(random, 1000 + i)));
          bad++;
        }
        String good = json(random, i);
        expected.add(good);
        input.writeBytes(framed(good));
      }
      List<String> problems = new ArrayList<>();
      assertEquals(expected, read(input.toByteArray(), problems), "round " + round);
      assertTrue(problems.size() >= bad, "round " + round + ": " + bad + " bad, reported " + problems);
    }
  }

  private static String json(Random random, int id) {
    String[] texts = {"plain", "br{ack}ets [and] \\\"quotes\\\"", "\u00fcnic\u00f8de \u4e2d\u6587", "Content-Length: 12",
        "back\\\\slash", "Content-Length:"};
    StringBuilder b = new StringBuilder("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"m\",\"params\":{");
    for (int i = 0, n = random.nextInt(4); i < n; i++) {
      b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":")
          .append(random.nextBoolean() ? "\"" + texts[random.nextInt(texts.length)] + "\"" : "[1,{\"a\":[]}]");
    }
    return b.append("}}").toString();
  }

  private static byte[] badMessage(Random random, String json) {
    byte[] body = ascii(json);
    return switch (random.nextInt(7)) {
      case 0 -> body;
      case 1 -> concat(ascii("Content-Type: x\r\n\r\n"), body);
      case 2 -> concat(ascii("Content-Length: " + (1 + random.nextInt(body.length - 1)) + "\r\n\r\n"), body);
      case 3 -> concat(ascii("Content-Length: " + (body.length + 1 + random.nextInt(40)) + "\r\n\r\n"), body);
      case 4 -> concat(ascii("Content-Length: -" + body.length + "\r\n\r\n"), body);
      case 5 -> concat(ascii("Content-Length: " + body.length + "\r\n"), body);
      default -> ascii("garbage " + random.nextInt() + "\r\n");
    };
  }
}
