package io.ballot.dsl.ide.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Requests and document changes interleaved in any order a client may send them, with cancellations: every
 * request is answered (a result, or RequestCancelled -32800 when it was cancelled or overtaken by an edit) within
 * {@value #BOUND_SECONDS} s, and the server answers normally afterwards. A rename immediately followed by a
 * didChange of the same document wedged the server: the rename was never answered and every later request on the
 * document hung (Xtext's rename waits for a nested read that was queued behind the edit, which waits for the
 * rename).
 */
class InterleavedRequestsTest {
  private static final int BOUND_SECONDS = 10;
  private static final String MODEL = "src/test/resources/AllConstructs.m";
  /** A variable of the model (line 22, 1-based, before any edit) and its first column. */
  private static final int LEADER_LINE = 21;
  private static final int LEADER_COLUMN = 2;

  /** The exact sequence of the report: rename, then at once didChange; then outline and hover must answer. */
  @Test
  void renameImmediatelyFollowedByAnEditIsAnsweredAndTheDocumentStaysUsable() throws Exception {
    try (RawLspClient client = new RawLspClient().initialize()) {
      Document doc = new Document(client, LspSession.read(MODEL));
      for (int i = 0; i < 20; i++) {
        String rename = doc.rename("chief" + i);
        doc.change(i % 2 == 0);
        assertAnswered(client, rename, "rename " + i);
        assertResult(client, doc.documentSymbol(), "documentSymbol after rename " + i);
        assertResult(client, doc.hover(), "hover after rename " + i);
      }
    }
  }

  /**
   * Renames sent back to back to a fresh server (Xtext's serializer fills its grammar caches on the first rename) all
   * succeed: answered in parallel, they failed with internal errors from inside Xtext's serializer.
   */
  @Test
  void renamesSentTogetherToAFreshServerAllSucceed() throws Exception {
    for (int server = 0; server < 4; server++) {
      try (RawLspClient client = new RawLspClient().initialize()) {
        Document doc = new Document(client, LspSession.read(MODEL));
        List<String> renames = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          renames.add(doc.rename("chief" + i));
        }
        for (String id : renames) {
          assertResult(client, id, "rename on server " + server);
        }
      }
    }
  }

  /**
   * Seeded random interleavings of edits, rename, hover, outline, completion, definition, formatting and
   * cancellations, sent back to back without waiting for answers.
   */
  @Test
  void randomInterleavingsAreAllAnswered() throws Exception {
    Random random = new Random(2106);
    try (RawLspClient client = new RawLspClient().initialize()) {
      Document doc = new Document(client, LspSession.read(MODEL));
      int requests = 0;
      for (int round = 0; round < 60; round++) {
        List<String> sent = new ArrayList<>();
        List<String> cancelled = new ArrayList<>();
        for (int step = 0, n = 4 + random.nextInt(10); step < n; step++) {
          switch (random.nextInt(9)) {
            case 0, 1 -> doc.change(random.nextBoolean());
            case 2 -> sent.add(doc.rename("n" + round + "_" + step));
            case 3 -> sent.add(doc.hover());
            case 4 -> sent.add(doc.documentSymbol());
            case 5 -> sent.add(doc.completion());
            case 6 -> sent.add(doc.definition());
            case 7 -> sent.add(doc.formatting());
            default -> {
              if (!sent.isEmpty()) {
                String id = sent.get(random.nextInt(sent.size()));
                cancelled.add(id);
                client.notify("$/cancelRequest", "{\"id\":" + id + "}");
              }
            }
          }
        }
        for (String id : sent) {
          assertAnswered(client, id, "round " + round + (cancelled.contains(id) ? " (cancelled)" : ""));
        }
        requests += sent.size();
        assertResult(client, doc.documentSymbol(), "documentSymbol after round " + round);
      }
      assertTrue(requests >= 300, "enough requests to mean something: " + requests);
    }
  }

  /** The answer to {@code id} arrives in time and is a result or RequestCancelled. */
  private static void assertAnswered(RawLspClient client, String id, String what) throws InterruptedException {
    JsonObject answer = client.poll(id, BOUND_SECONDS * 1000L);
    if (answer == null) {
      fail(what + ": request " + id + " not answered within " + BOUND_SECONDS + " s");
    }
    if (answer.has("error")) {
      assertEquals(-32800, answer.getAsJsonObject("error").get("code").getAsInt(), what + ": " + answer);
    }
  }

  private static void assertResult(RawLspClient client, String id, String what) throws InterruptedException {
    JsonObject answer = client.poll(id, BOUND_SECONDS * 1000L);
    if (answer == null) {
      fail(what + ": request " + id + " not answered within " + BOUND_SECONDS + " s");
    }
    assertTrue(answer.has("result"), what + ": " + answer);
  }

  /** The open model as the client sees it: edits add or remove comment lines at the top, keeping it valid. */
  private static final class Document {
    private final RawLspClient client;
    private final String original;
    private final String uri;
    private int version = 1;
    private int added;

    Document(RawLspClient client, String text) throws Exception {
      this.client = client;
      this.original = text;
      this.uri = client.root.resolve("Interleaved.m").toUri().toString();
      client.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":" + RawLspClient.quote(uri)
          + ",\"languageId\":\"murphi\",\"version\":1,\"text\":" + RawLspClient.quote(text) + "}}");
    }

    /** Adds a comment line at the top, or removes one (when {@code grow} is false and there is one). */
    void change(boolean grow) throws Exception {
      added = grow || added == 0 ? added + 1 : added - 1;
      client.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":" + RawLspClient.quote(uri)
          + ",\"version\":" + (++version) + "},\"contentChanges\":[{\"text\":" + RawLspClient.quote(text()) + "}]}");
    }

    private String text() {
      return "-- edit\n".repeat(added) + original;
    }

    private String at() {
      return "{\"textDocument\":{\"uri\":" + RawLspClient.quote(uri) + "},\"position\":{\"line\":"
          + (LEADER_LINE + added) + ",\"character\":" + (LEADER_COLUMN + 1) + "}";
    }

    String rename(String newName) throws Exception {
      return client.request("textDocument/rename", at() + ",\"newName\":" + RawLspClient.quote(newName) + "}");
    }

    String hover() throws Exception {
      return client.request("textDocument/hover", at() + "}");
    }

    String definition() throws Exception {
      return client.request("textDocument/definition", at() + "}");
    }

    String completion() throws Exception {
      return client.request("textDocument/completion", at() + "}");
    }

    String documentSymbol() throws Exception {
      return client.request("textDocument/documentSymbol",
          "{\"textDocument\":{\"uri\":" + RawLspClient.quote(uri) + "}}");
    }

    String formatting() throws Exception {
      return client.request("textDocument/formatting", "{\"textDocument\":{\"uri\":" + RawLspClient.quote(uri)
          + "},\"options\":{\"tabSize\":2,\"insertSpaces\":true}}");
    }
  }
}
