package io.ballot.cli.view;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Serves one viewer page on the loopback interface (127.0.0.1) with the JDK's HTTP server: {@code GET /} is the
 * page, anything else 404. Nothing else is reachable; {@link #close} stops it.
 */
public final class ViewerServer implements AutoCloseable {

  private final HttpServer server;

  /** Starts serving {@code page} on 127.0.0.1:{@code port} (0: any free port). */
  public ViewerServer(String page, int port) throws IOException {
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        String path = exchange.getRequestURI().getPath();
        boolean page1 = path.equals("/") || path.equals("/index.html");
        if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
          exchange.sendResponseHeaders(405, -1);
          return;
        }
        if (!page1) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (exchange.getRequestMethod().equals("HEAD")) {
          exchange.sendResponseHeaders(200, -1);
          return;
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    server.start();
  }

  /** The page's address, e.g. {@code http://127.0.0.1:41234/}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
