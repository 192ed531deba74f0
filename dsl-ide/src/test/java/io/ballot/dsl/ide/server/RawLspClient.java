package io.ballot.dsl.ide.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A language server started in-process, driven with raw JSON-RPC bytes over a pipe (so a test can send what lsp4j's
 * client never would: bad headers, unknown methods, cancellations whose answers it wants to see). Records every
 * response by id and every notification; answers the server's requests with a null result.
 */
final class RawLspClient implements AutoCloseable {
  final Path root;
  final Map<String, JsonObject> responses = new ConcurrentHashMap<>();
  final List<JsonObject> notifications = new CopyOnWriteArrayList<>();
  /** Every response, in the order received (duplicates included), with whether the server was built by then. */
  final List<JsonObject> responseLog = new CopyOnWriteArrayList<>();
  private final PipedOutputStream toServer;
  private final LanguageServers.Running running;
  private final AtomicInteger ids = new AtomicInteger();
  private final Thread reader;

  RawLspClient() throws Exception {
    root = Files.createTempDirectory("ballot-raw-lsp");
    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 16);
    PipedOutputStream fromServer = new PipedOutputStream(clientIn);
    running = LanguageServers.start(serverIn, fromServer);
    reader = new Thread(() -> readAll(clientIn), "raw-lsp-client-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Initializes the server with a workspace root, as an editor does; fails when it does not answer. */
  RawLspClient initialize() throws Exception {
    String id = request("initialize", "{\"processId\":null,\"rootUri\":" + quote(root.toUri().toString())
        + ",\"capabilities\":{\"textDocument\":{\"rename\":{\"prepareSupport\":true},"
        + "\"documentSymbol\":{\"hierarchicalDocumentSymbolSupport\":true}}}}");
    JsonObject answer = await(id, 60);
    if (!answer.has("result")) {
      throw new AssertionError("initialize failed: " + answer);
    }
    notify("initialized", "{}");
    return this;
  }

  /** Sends a request; returns its id. */
  String request(String method, String params) throws IOException {
    String id = String.valueOf(ids.incrementAndGet());
    send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":" + quote(method) + ",\"params\":" + params + "}");
    return id;
  }

  void notify(String method, String params) throws IOException {
    send("{\"jsonrpc\":\"2.0\",\"method\":" + quote(method) + ",\"params\":" + params + "}");
  }

  /** Sends {@code json} as one well-framed message. */
  void send(String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    sendRaw(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
  }

  /** Sends bytes exactly as given. */
  synchronized void sendRaw(byte[]... parts) throws IOException {
    for (byte[] part : parts) {
      toServer.write(part);
    }
    toServer.flush();
  }

  /** The response to request {@code id}; fails when none arrives within {@code seconds}. */
  JsonObject await(String id, int seconds) throws InterruptedException {
    JsonObject answer = poll(id, TimeUnit.SECONDS.toMillis(seconds));
    if (answer == null) {
      throw new AssertionError("no response to request " + id + " within " + seconds + " s");
    }
    return answer;
  }

  /** The response to request {@code id}, or null when none arrives within {@code millis}. */
  JsonObject poll(String id, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (true) {
      JsonObject answer = responses.get(id);
      if (answer != null || System.nanoTime() > deadline) {
        return answer;
      }
      Thread.sleep(2);
    }
  }

  /** The first notification (now or within {@code seconds}) that satisfies {@code accept}. */
  JsonObject awaitNotification(Predicate<JsonObject> accept, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      for (JsonObject n : notifications) {
        if (accept.test(n)) {
          return n;
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no such notification within " + seconds + " s; got " + notifications);
  }

  static String quote(String s) {
    return new com.google.gson.JsonPrimitive(s).toString();
  }

  private void readAll(InputStream in) {
    try {
      while (true) {
        int length = -1;
        String line;
        while (!(line = readLine(in)).isEmpty()) {
          if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
            length = Integer.parseInt(line.substring(15).trim());
          }
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
          return;
        }
        JsonObject message = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
        if (message.has("method") && message.has("id")) {
          send("{\"jsonrpc\":\"2.0\",\"id\":" + message.get("id") + ",\"result\":null}");
        } else if (message.has("method")) {
          notifications.add(message);
        } else {
          JsonElement id = message.get("id");
          message.addProperty("_serverBuiltWhenReceived", running.built());
          responseLog.add(message);
          responses.put(id.isJsonNull() ? "null" : id.getAsString(), message);
        }
      }
    } catch (IOException | RuntimeException e) {
      // the server closed the connection
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("end of stream");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws Exception {
    try {
      poll(request("shutdown", "null"), 10_000);
    } finally {
      toServer.close();
      running.listening().cancel(true);
      TempRoots.delete(root);
    }
  }
}
