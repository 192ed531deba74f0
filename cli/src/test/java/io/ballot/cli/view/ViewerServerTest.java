package io.ballot.cli.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ballot view --serve}: the page on 127.0.0.1 to its user only (issue 21.9): no client delays another, a
 * request must arrive within the timeout, only Host 127.0.0.1:PORT or localhost:PORT is answered.
 */
class ViewerServerTest {

  private static final String PAGE = "<p>page é</p>";

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
        .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** Sends {@code request} as is on a new connection and returns the whole answer (the server closes). */
  private static String raw(ViewerServer server, String request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.uri().getPort())) {
      s.setSoTimeout(5000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String status(String answer) {
    return answer.substring(0, answer.indexOf("\r\n"));
  }

  @Test
  void servesThePageOnLoopbackOnly() throws Exception {
    URI uri;
    try (ViewerServer server = new ViewerServer(PAGE, 0)) {
      uri = server.uri();
      assertEquals("127.0.0.1", uri.getHost());
      HttpResponse<String> page = get(uri);
      assertEquals(200, page.statusCode());
      assertEquals(PAGE, page.body());
      assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
      assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
      assertEquals(404, get(uri.resolve("/other")).statusCode());
      assertEquals(200, get(URI.create("http://localhost:" + uri.getPort() + "/index.html")).statusCode());
    }
    URI closed = uri;
    assertThrows(IOException.class, () -> get(closed), "stopped after close");
  }

  @Test
  void pathTraversalAndOtherMethodsAreRefused() throws Exception {
    try (ViewerServer server = new ViewerServer(PAGE, 0)) {
      String host = "Host: 127.0.0.1:" + server.uri().getPort() + "\r\n";
      for (String path : List.of("/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2fetc%2fpasswd", "//etc/passwd",
          "/index.html/../../x")) {
        assertEquals("HTTP/1.1 404 Not Found", status(raw(server, "GET " + path + " HTTP/1.1\r\n" + host + "\r\n")),
            path);
      }
      assertEquals("HTTP/1.1 405 Method Not Allowed", status(raw(server, "POST / HTTP/1.1\r\n" + host + "\r\n")));
      assertEquals("HTTP/1.1 400 Bad Request", status(raw(server, "hello\r\n\r\n")));
      String head = raw(server, "HEAD / HTTP/1.1\r\n" + host + "\r\n");
      assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n") && head.endsWith("\r\n\r\n"), head);
      assertTrue(raw(server, "GET /?x=1 HTTP/1.1\r\n" + host + "\r\n").endsWith("\r\n\r\n" + PAGE));
    }
  }

  /** DNS rebinding: a web page at http://evil.example:PORT/ whose name now resolves to 127.0.0.1. */
  @Test
  void aRequestForAnotherHostIsRefused() throws Exception {
    try (ViewerServer server = new ViewerServer(PAGE, 0)) {
      int port = server.uri().getPort();
      for (String host : List.of("evil.example:" + port, "127.0.0.1", "localhost", "127.0.0.1:" + (port + 1),
          "127.0.0.1:" + port + ".evil.example", "[::1]:" + port, "")) {
        String answer = raw(server, "GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
        assertEquals("HTTP/1.1 403 Forbidden", status(answer), host);
        assertTrue(!answer.contains(PAGE), host);
      }
      assertEquals("HTTP/1.1 403 Forbidden", status(raw(server, "GET / HTTP/1.0\r\n\r\n")), "no Host");
      assertEquals("HTTP/1.1 403 Forbidden", status(raw(server,
          "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nHost: evil.example\r\n\r\n")), "two Hosts");
      assertEquals("HTTP/1.1 200 OK", status(raw(server, "GET / HTTP/1.1\r\nhost: LOCALHOST:" + port + "\r\n\r\n")));
    }
  }

  /** A client that sends half a request, and 48 that send nothing, do not hold up a normal request. */
  @Test
  void slowAndIdleClientsDoNotDelayOthers() throws Exception {
    try (ViewerServer server = new ViewerServer(PAGE, 0)) {
      List<Socket> held = new ArrayList<>();
      try {
        Socket slow = new Socket(InetAddress.getLoopbackAddress(), server.uri().getPort());
        held.add(slow);
        slow.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + server.uri().getPort() + "\r\nX-")
            .getBytes(StandardCharsets.ISO_8859_1));
        slow.getOutputStream().flush();
        for (int i = 0; i < 48; i++) {
          held.add(new Socket(InetAddress.getLoopbackAddress(), server.uri().getPort()));
        }
        Thread.sleep(200); // the server has seen them all
        for (int i = 0; i < 3; i++) {
          long start = System.nanoTime();
          HttpResponse<String> page = get(server.uri());
          long millis = (System.nanoTime() - start) / 1_000_000;
          assertEquals(200, page.statusCode());
          assertEquals(PAGE, page.body());
          assertTrue(millis < 1500, "a normal request took " + millis + " ms");
        }
      } finally {
        for (Socket s : held) {
          s.close();
        }
      }
    }
  }

  /** A request that does not arrive whole within the timeout loses its connection. */
  @Test
  void aPartialRequestIsDroppedAfterTheTimeout() throws Exception {
    try (ViewerServer server = new ViewerServer(PAGE, 0, Duration.ofMillis(300));
        Socket slow = new Socket(InetAddress.getLoopbackAddress(), server.uri().getPort())) {
      slow.setSoTimeout(5000);
      OutputStream out = slow.getOutputStream();
      out.write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      long start = System.nanoTime();
      InputStream in = slow.getInputStream();
      assertEquals(-1, in.read(), "closed without an answer");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis >= 200 && millis < 2000, "closed after " + millis + " ms");
    }
  }

  @Test
  void aHugeRequestHeadIsRefused() throws Exception {
    try (ViewerServer server = new ViewerServer(PAGE, 0)) {
      String answer = raw(server, "GET / HTTP/1.1\r\nX: " + "a".repeat(20_000) + "\r\n\r\n");
      assertEquals("HTTP/1.1 431 Request Header Fields Too Large", status(answer));
    }
  }
}
