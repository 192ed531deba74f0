package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C stops a check as a time limit does: a {@code ballot check} process sent SIGINT mid-search prints its
 * partial statistics, writes its report files (the JSON says {@code interrupted}) and exits 4.
 */
class SigintTest {

  @TempDir Path dir;

  @Test
  void sigintStopsTheSearchAndTheReportsAreWritten() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
        "needs kill(1) to send SIGINT");
    Path json = dir.resolve("raft.json");
    Path junit = dir.resolve("raft.xml");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xss16m", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "check", "--symmetry-reduction", "off", "--threads", "1", "--json", json.toString(),
        "--junit", junit.toString(), "../protocols/models/raft/Raft.m")
        .start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread o = copy(p.getInputStream(), out);
    Thread e = copy(p.getErrorStream(), err);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!out.toString(StandardCharsets.UTF_8).contains("Checking") && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(3000); // into the search (Raft.m without symmetry reduction takes minutes)
    assertTrue(p.isAlive(), "the search was still running: " + out + err);
    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ends soon after SIGINT");
    o.join();
    e.join();
    String stdout = out.toString(StandardCharsets.UTF_8);
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertEquals(ExitCodes.RESOURCE_LIMIT, p.exitValue(), stdout + stderr);
    assertTrue(stdout.contains("Result: incomplete (stopped: interrupted)."), stdout);
    assertTrue(stdout.matches("(?s).*\nStates: [1-9][0-9]*  Rules fired: .*"), stdout);
    assertTrue(stderr.matches("(?s).*ballot: stopped: interrupted \\(after [1-9][0-9]* states, .*"), stderr);
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertEquals("incomplete", report.get("verdict").asText(), report::toString);
    assertEquals("interrupted", report.get("stopReason").asText(), report::toString);
    assertTrue(report.get("states").asLong() > 0, report::toString);
    assertTrue(Files.readString(junit).contains("interrupted"), "the JUnit report too");
  }

  private static Thread copy(InputStream in, ByteArrayOutputStream to) {
    Thread t = new Thread(() -> {
      try (in) {
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0; ) {
          synchronized (to) {
            to.write(buf, 0, n);
          }
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
    t.start();
    return t;
  }

}
