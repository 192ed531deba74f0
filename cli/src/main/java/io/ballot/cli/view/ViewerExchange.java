package io.ballot.cli.view;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The {@link ViewerServer}'s answers: one HTTP/1.1 request head in, the whole answer out. {@code GET}/{@code HEAD /}
 * (or {@code /index.html}) with {@code Host: 127.0.0.1:PORT} or {@code localhost:PORT} is the page; another host is
 * 403 (DNS rebinding: a web site's name pointed at 127.0.0.1), another path 404, another method 405, a malformed
 * request 400.
 */
final class ViewerExchange {

  private final byte[] page;
  private final int port;

  ViewerExchange(byte[] page, int port) {
    this.page = page;
    this.port = port;
  }

  /** The index just past the blank line ending the request head in {@code bytes[0, length)}, or -1. */
  static int endOfHead(byte[] bytes, int length) {
    for (int i = 3; i < length; i++) {
      if (bytes[i] == '\n' && (bytes[i - 1] == '\n' || bytes[i - 1] == '\r' && bytes[i - 2] == '\n')) {
        return i + 1;
      }
    }
    return -1;
  }

  /** The answer to the request head {@code bytes[0, end)}. */
  ByteBuffer[] answer(byte[] bytes, int end) {
    String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r?\n");
    String[] request = lines[0].split(" ");
    if (request.length != 3 || !request[2].startsWith("HTTP/1.")) {
      return error(400, "Bad Request", "not an HTTP/1.x request");
    }
    String host = null;
    int hosts = 0;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0 && lines[i].substring(0, colon).trim().equalsIgnoreCase("host")) {
        host = lines[i].substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        hosts++;
      }
    }
    if (hosts != 1 || !(host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port))) {
      return error(403, "Forbidden", "this server answers only requests for 127.0.0.1:" + port + " or localhost:"
          + port);
    }
    String method = request[0];
    boolean head = method.equals("HEAD");
    if (!head && !method.equals("GET")) {
      return error(405, "Method Not Allowed", "only GET and HEAD");
    }
    String target = request[1];
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    if (!path.equals("/") && !path.equals("/index.html")) {
      return error(404, "Not Found", "the page is at /");
    }
    return respond(200, "OK", "text/html; charset=utf-8", head ? new byte[0] : page, page.length);
  }

  /** The answer to a request head longer than {@link ViewerConnection#MAX_HEAD}. */
  ByteBuffer[] tooLarge() {
    return error(431, "Request Header Fields Too Large", "the request head is too long");
  }

  private static ByteBuffer[] error(int status, String reason, String message) {
    byte[] body = (status + " " + reason + ": " + message + "\n").getBytes(StandardCharsets.UTF_8);
    return respond(status, reason, "text/plain; charset=utf-8", body, body.length);
  }

  private static ByteBuffer[] respond(int status, String reason, String type, byte[] body, int length) {
    String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
        + "Content-Type: " + type + "\r\n"
        + "Content-Length: " + length + "\r\n"
        + (status == 405 ? "Allow: GET, HEAD\r\n" : "")
        + "Cache-Control: no-store\r\n"
        + "X-Content-Type-Options: nosniff\r\n"
        + "Referrer-Policy: no-referrer\r\n"
        + "Connection: close\r\n\r\n";
    return new ByteBuffer[] {
      ByteBuffer.wrap(head.getBytes(StandardCharsets.ISO_8859_1)), ByteBuffer.wrap(body).asReadOnlyBuffer()
    };
  }
}
