package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21.9: {@code ballot view --serve} serves until Ctrl-C (SIGINT), then stops and exits 0 as documented. */
class ViewServeSigintTest {

  @TempDir Path dir;

  @Test
  void ctrlCStopsServingWithExitCodeZero() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
        "needs kill(1) to send SIGINT");
    Path report = dir.resolve("r.json");
    Files.writeString(report, "{\"verdict\":\"holds\",\"model\":\"m.m\",\"violations\":[]}");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "view",
        "--serve", report.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      Matcher m = Pattern.compile("Serving the trace viewer for .* at (http://127\\.0\\.0\\.1:\\d+/) \\(Ctrl-C stops\\)")
          .matcher(String.valueOf(first));
      assertTrue(m.matches(), first);
      HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.group(1)))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("id=\"ballot-data\""));
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the server stops soon after SIGINT");
      String rest = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(ExitCodes.OK, p.exitValue(), rest);
      assertEquals("Stopped serving the trace viewer.\n", rest);
    } finally {
      p.destroyForcibly();
    }
  }
}
