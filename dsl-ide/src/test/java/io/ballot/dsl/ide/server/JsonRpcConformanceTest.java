package io.ballot.dsl.ide.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server speaks JSON-RPC exactly: an unknown method is MethodNotFound (it was an internal error with a Java
 * stack trace), an unknown notification is ignored, a badly framed message is reported and skipped and the next
 * request still answered (one bad Content-Length desynchronised the stream for good), and a rename to a word that
 * cannot be a name is refused with InvalidParams.
 */
class JsonRpcConformanceTest {
  private static final String MODEL = "const N: 2;\nvar count: 0 .. N;\nstartstate begin count := 0; end;\n"
      + "rule \"inc\" count < N ==> begin count := count + 1; end;\ninvariant \"bounded\" count <= N;\n";
  private static ServerLog log;
  private static RawLspClient client;
  private static String uri;

  @BeforeAll
  static void start() throws Exception {
    log = new ServerLog();
    client = new RawLspClient().initialize();
    uri = client.root.resolve("Counter.m").toUri().toString();
    client.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":" + RawLspClient.quote(uri)
        + ",\"languageId\":\"murphi\",\"version\":1,\"text\":" + RawLspClient.quote(MODEL) + "}}");
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      client.close();
    } finally {
      log.close();
    }
  }

  private static String symbols() throws Exception {
    return client.request("textDocument/documentSymbol", "{\"textDocument\":{\"uri\":" + RawLspClient.quote(uri) + "}}");
  }

  private static void assertNoStackTrace(JsonObject answer) {
    JsonObject error = answer.getAsJsonObject("error");
    assertFalse(error.has("data") && !error.get("data").isJsonNull(), "no data (stack trace): " + answer);
    assertFalse(error.get("message").getAsString().contains("\tat ")
        || error.get("message").getAsString().contains("Exception"), "no stack trace: " + answer);
  }

  @Test
  void anUnknownMethodIsMethodNotFound() throws Exception {
    JsonObject answer = client.await(client.request("ballot/noSuchMethod", "{\"x\":1}"), 10);
    assertEquals(-32601, answer.getAsJsonObject("error").get("code").getAsInt(), answer.toString());
    assertTrue(answer.getAsJsonObject("error").get("message").getAsString().contains("ballot/noSuchMethod"));
    assertNoStackTrace(answer);
  }

  /** An LSP request the server does not implement (lsp4j threw from its interface's default method). */
  @Test
  void anUnimplementedLspRequestIsMethodNotFound() throws Exception {
    JsonObject answer = client.await(client.request("textDocument/inlayHint", "{\"textDocument\":{\"uri\":"
        + RawLspClient.quote(uri) + "},\"range\":{\"start\":{\"line\":0,\"character\":0},"
        + "\"end\":{\"line\":1,\"character\":0}}}"), 10);
    assertEquals(-32601, answer.getAsJsonObject("error").get("code").getAsInt(), answer.toString());
    assertNoStackTrace(answer);
  }

  @Test
  void anUnknownNotificationIsIgnored() throws Exception {
    int before = log.problems.size();
    client.notify("ballot/noSuchNotification", "{\"x\":1}");
    client.notify("$/noSuchNotification", "{}");
    JsonObject answer = client.await(symbols(), 10);
    assertTrue(answer.has("result"), answer.toString());
    assertEquals(before, log.problems.size(), "nothing logged as a problem: " + log.problems);
    assertFalse(client.responses.containsKey("null"), "no error response to a notification");
  }

  /** A bad message of each kind, then a good request: it is answered, and the bad one is reported to the client. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"jsonrpc\":\"2.0\",\"id\":\"bad\",\"method\":\"shutdown\"}", // no header
      "Content-Type: application/json\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":\"bad\",\"method\":\"shutdown\"}",
      "Content-Length: 12\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":\"bad\",\"method\":\"shutdown\"}", // too short
      "Content-Length: 80\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":\"bad\",\"method\":\"shutdown\"}", // too long
      "Content-Length: x\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":\"bad\",\"method\":\"shutdown\"}", // not a number
  })
  void aBadlyFramedMessageIsSkippedAndTheNextRequestAnswered(String bad) throws Exception {
    int reported = warnings();
    client.sendRaw(bad.getBytes(StandardCharsets.UTF_8));
    JsonObject answer = client.await(symbols(), 10);
    assertTrue(answer.has("result"), answer.toString());
    client.awaitNotification(n -> n.get("method").getAsString().equals("window/logMessage")
        && n.getAsJsonObject("params").get("message").getAsString().contains("bad input"), 10);
    assertTrue(warnings() > reported, "reported to the client");
    assertFalse(client.responses.containsKey("bad"), "the bad message was not executed");
    assertTrue(client.await(symbols(), 10).has("result"), "and the one after");
  }

  /** Well framed but not JSON-RPC (broken JSON, no method): answered or ignored, and the next request answered. */
  @ParameterizedTest
  @ValueSource(strings = {"{\"jsonrpc\":\"2.0\",\"id\":\"bad2\",\"method\":}", "{\"jsonrpc\":\"2.0\",\"id\":\"bad2\"}",
      "[1,2]", "{\"jsonrpc\":\"2.0\",\"id\":\"bad2\",\"method\":\"textDocument/hover\",\"params\":7}"})
  void aMessageThatIsNotJsonRpcDoesNotStopTheServer(String json) throws Exception {
    client.send(json);
    JsonObject answer = client.await(symbols(), 10);
    assertTrue(answer.has("result"), answer.toString());
    JsonObject bad = client.responses.remove("bad2");
    if (bad != null) {
      assertTrue(bad.has("error"), bad.toString());
      assertNoStackTrace(bad);
    }
  }

  private static int warnings() {
    return (int) client.notifications.stream().filter(n -> n.get("method").getAsString().equals("window/logMessage")
        && n.getAsJsonObject("params").get("message").getAsString().contains("bad input")).count();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "two words", "1st", "count+1", "var", "END", "ruleset", "a-b", "caf\u00e9"})
  void aRenameToAWordThatCannotBeANameIsRefused(String newName) throws Exception {
    JsonObject answer = client.await(client.request("textDocument/rename", "{\"textDocument\":{\"uri\":"
        + RawLspClient.quote(uri) + "},\"position\":{\"line\":1,\"character\":5},\"newName\":"
        + RawLspClient.quote(newName) + "}"), 10);
    assertTrue(answer.has("error"), answer.toString());
    assertEquals(-32602, answer.getAsJsonObject("error").get("code").getAsInt(), answer.toString());
    assertTrue(answer.getAsJsonObject("error").get("message").getAsString().contains("'" + newName + "'"));
    assertNoStackTrace(answer);
  }

  @ParameterizedTest
  @ValueSource(strings = {"total", "Count_2", "send", "network"})
  void aRenameToANameIsDone(String newName) throws Exception {
    JsonObject answer = client.await(client.request("textDocument/rename", "{\"textDocument\":{\"uri\":"
        + RawLspClient.quote(uri) + "},\"position\":{\"line\":1,\"character\":5},\"newName\":"
        + RawLspClient.quote(newName) + "}"), 30);
    assertTrue(answer.has("result") && answer.toString().contains(newName), answer.toString());
  }
}
