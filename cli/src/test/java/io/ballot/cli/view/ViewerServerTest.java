package io.ballot.cli.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code ballot view --serve}: the page on 127.0.0.1, nothing else. */
class ViewerServerTest {

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesThePageOnLoopbackOnly() throws Exception {
    URI uri;
    try (ViewerServer server = new ViewerServer("<p>page é</p>", 0)) {
      uri = server.uri();
      assertEquals("127.0.0.1", uri.getHost());
      HttpResponse<String> page = get(uri);
      assertEquals(200, page.statusCode());
      assertEquals("<p>page é</p>", page.body());
      assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
      assertEquals(404, get(uri.resolve("/other")).statusCode());
      assertEquals(404, get(uri.resolve("/../etc/passwd")).statusCode());
    }
    URI closed = uri;
    assertThrows(IOException.class, () -> get(closed), "stopped after close");
  }
}
