package io.ballot.dsl.ide.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.inject.Guice;
import com.google.inject.util.Modules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.concurrent.RequestManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@code initialize} is answered before the server's injector is built ({@link EarlyInitialize}): the answer is
 * the one Xtext's server computes, and what a client sends meanwhile is answered as it always was.
 */
class EarlyInitializeTest {
  private static final MessageJsonHandler JSON = new MessageJsonHandler(Map.of("initialize",
      JsonRpcMethod.request("initialize", InitializeResult.class, InitializeParams.class)));

  /** VS Code's capabilities (the parts Xtext reads), a minimal client's, Eclipse-like ones, and none at all. */
  private static final String VS_CODE = "{\"workspace\":{\"workspaceFolders\":true,\"executeCommand\":"
      + "{\"dynamicRegistration\":true},\"configuration\":true},\"textDocument\":{\"rename\":{\"dynamicRegistration\":"
      + "true,\"prepareSupport\":true},\"foldingRange\":{\"rangeLimit\":5000},\"documentSymbol\":"
      + "{\"hierarchicalDocumentSymbolSupport\":true}},\"window\":{\"workDoneProgress\":true}}";

  /**
   * Capabilities computed without the injector are exactly those the built server answers, for every client
   * (including one that declares no capabilities at all).
   */
  @ParameterizedTest
  @ValueSource(strings = {"absent", "{}", VS_CODE,
      "{\"textDocument\":{\"rename\":{\"prepareSupport\":false},\"foldingRange\":{}}}",
      "{\"workspace\":{\"workspaceFolders\":false,\"executeCommand\":{}}}"})
  void staticCapabilitiesAreTheServers(String capabilities) throws Exception {
    InitializeParams params = params(capabilities);
    String early = JSON.getGson().toJson(StaticCapabilities.of(params.getCapabilities()));
    BallotLanguageServer server = Guice.createInjector(Modules.override(new ServerModule()).with(binder -> {
      binder.bind(LanguageServer.class).to(BallotLanguageServer.class);
      binder.bind(LanguageServerImpl.class).to(BallotLanguageServer.class);
      binder.bind(RequestManager.class).to(ReentrantRequestManager.class);
    })).getInstance(BallotLanguageServer.class);
    server.connect(new LspSession.RecordingClient());
    InitializeResult real = server.initialize(params(capabilities)).get(60, TimeUnit.SECONDS);
    try {
      assertEquals(JSON.getGson().toJson(real.getCapabilities()), early);
    } finally {
      server.shutdown().get(30, TimeUnit.SECONDS);
    }
  }

  private static InitializeParams params(String capabilities) {
    RequestMessage m = (RequestMessage) JSON.parseMessage("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
        + "\"params\":{\"processId\":null,\"rootUri\":null"
        + (capabilities.equals("absent") ? "" : ",\"capabilities\":" + capabilities) + "}}");
    return (InitializeParams) m.getParams();
  }

  /**
   * A client that sends everything at once, as an editor opening a file does: initialize is answered before the
   * server is built, once (the built server's own answer is not sent too), and the requests and notifications
   * that arrived while it was being built are answered as usual: diagnostics of both opened models (one with an
   * error), the outline, a hover, prepareRename.
   */
  @Test
  void requestsSentBeforeTheServerIsBuiltAreAnswered() throws Exception {
    try (RawLspClient client = new RawLspClient()) {
      String init = client.request("initialize", "{\"processId\":null,\"rootUri\":"
          + RawLspClient.quote(client.root.toUri().toString()) + ",\"capabilities\":" + VS_CODE + "}");
      client.notify("initialized", "{}");
      String good = client.root.resolve("peterson.m").toUri().toString();
      String bad = client.root.resolve("bad.m").toUri().toString();
      String peterson = Files.readString(Path.of("../protocols/models/peterson.m"));
      client.notify("textDocument/didOpen", open(good, peterson));
      client.notify("textDocument/didOpen", open(bad, "var x: boolean;\nstartstate begin x := y; end;\n"));
      String symbols = client.request("textDocument/documentSymbol", "{\"textDocument\":{\"uri\":"
          + RawLspClient.quote(good) + "}}");
      String hover = client.request("textDocument/hover", "{\"textDocument\":{\"uri\":" + RawLspClient.quote(good)
          + "},\"position\":" + position(peterson, "turn") + "}");

      String prepare = client.request("textDocument/prepareRename", "{\"textDocument\":{\"uri\":"
          + RawLspClient.quote(good) + "},\"position\":" + position(peterson, "turn") + "}");

      JsonObject answer = client.await(init, 60);
      assertFalse(answer.get("_serverBuiltWhenReceived").getAsBoolean(), "answered before the server was built");
      assertEquals(JSON.getGson().toJson(StaticCapabilities.of(params(VS_CODE).getCapabilities())),
          answer.getAsJsonObject("result").getAsJsonObject("capabilities").toString());

      JsonArray outline = client.await(symbols, 60).getAsJsonArray("result");
      List<String> names = new ArrayList<>();
      outline.forEach(e -> names.add(e.getAsJsonObject().get("name").getAsString()));
      assertTrue(names.contains("turn") && names.contains("mutual exclusion"), names.toString());
      assertTrue(client.await(hover, 60).getAsJsonObject("result").toString().contains("turn"));
      // Xtext answers prepareRename only when its own initialize answer was kept (null otherwise): the workspace
      // set-up that initialize queued was not cancelled by the didOpen that followed it.
      assertTrue(client.await(prepare, 60).get("result").isJsonObject(), client.responses.get(prepare).toString());
      JsonObject badDiagnostics = client.awaitNotification(n -> n.get("method").getAsString()
          .equals("textDocument/publishDiagnostics") && n.getAsJsonObject("params").get("uri").getAsString()
          .equals(bad), 60);
      assertTrue(badDiagnostics.toString().contains("y"), badDiagnostics.toString());
      assertEquals(1, badDiagnostics.getAsJsonObject("params").getAsJsonArray("diagnostics").size());
      JsonObject goodDiagnostics = client.awaitNotification(n -> n.get("method").getAsString()
          .equals("textDocument/publishDiagnostics") && n.getAsJsonObject("params").get("uri").getAsString()
          .equals(good), 60);
      assertEquals(0, goodDiagnostics.getAsJsonObject("params").getAsJsonArray("diagnostics").size());

      client.await(client.request("shutdown", "null"), 30);
      assertEquals(1, client.responseLog.stream().filter(r -> r.get("id").getAsString().equals(init)).count(),
          "one answer to initialize: " + client.responseLog);
    }
  }

  /** An initialize without params is left to the built server, which refuses it (no early success). */
  @Test
  void initializeWithoutParamsIsAnsweredByTheServerAlone() throws Exception {
    try (RawLspClient client = new RawLspClient()) {
      String init = client.request("initialize", "null");
      JsonObject answer = client.await(init, 60);
      assertTrue(answer.has("error"), answer.toString());
      assertTrue(answer.get("_serverBuiltWhenReceived").getAsBoolean(), answer.toString());
      client.await(client.request("shutdown", "null"), 30);
      assertEquals(1, client.responseLog.stream().filter(r -> r.get("id").getAsString().equals(init)).count());
    }
  }

  private static String open(String uri, String text) {
    return "{\"textDocument\":{\"uri\":" + RawLspClient.quote(uri) + ",\"languageId\":\"murphi\",\"version\":1,"
        + "\"text\":" + RawLspClient.quote(text) + "}}";
  }

  /** The LSP position of the first declaration-line occurrence of {@code word} ("turn: pid"). */
  private static String position(String text, String word) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int at = lines[i].indexOf(word + ":");
      if (at >= 0) {
        return "{\"line\":" + i + ",\"character\":" + at + "}";
      }
    }
    throw new IllegalArgumentException(word);
  }
}
