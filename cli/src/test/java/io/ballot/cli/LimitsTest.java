package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Limits end to end: option values out of range are usage errors wherever they are written, a state too large to
 * store is a located error, and the memory limit (given or the default, derived from the heap) stops a search of
 * megabyte states cleanly, with partial counts in every report, before the heap is exhausted.
 */
class LimitsTest {

  /** States of 2,000,000 bits (250 KB): a million booleans, a counter that makes a new state per step. */
  static final String WIDE =
      """
      var a: array [0..999999] of boolean;
          n: 0..100000;
      startstate begin n := 0 end;
      rule "step" n < 100000 ==> begin n := n + 1; a[n] := true end;
      """;

  static final String COUNTER =
      """
      var x: 0..3;
      startstate begin x := 0 end;
      rule x < 3 ==> begin x := x + 1 end;
      rule x = 3 ==> begin x := 0 end;
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  // ------------------------------------------------------------------------------------------ option bounds

  @ParameterizedTest
  @ValueSource(strings = {"--threads=100000", "--threads=257", "--threads=99999999999", "--threads=+4",
      "--time-limit=1e400", "--time-limit=Infinity", "--time-limit=NaN", "--time-limit=0x10", "--time-limit=15d",
      "--time-limit=99999999999", "--time-limit=-1", "--memory=2T", "--memory=99999999999999999999K",
      "--memory=-5M", "--bound=2147483648", "--bound=-1", "--bound=1e3", "--max-errors=0",
      "--max-errors=99999999999", "--max-errors=", "--threads="})
  void outOfRangeValuesAreUsageErrors(String option) throws IOException {
    Cli r = Cli.run("check", option, write("counter.m", COUNTER).toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    String name = option.substring(0, option.indexOf('='));
    assertTrue(r.err().startsWith("ballot: invalid value for " + name + ": "), r::toString);
    assertTrue(r.err().contains("(expected "), r::toString);
    assertFalse(r.err().contains("Exception"), r::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--threads=256", "--time-limit=31536000", "--time-limit=2.5", "--bound=2147483647",
      "--max-errors=2147483647", "--memory=64M"})
  void valuesAtTheBoundsAreAccepted(String option) throws IOException {
    Cli r = Cli.run("check", option, write("counter.m", COUNTER).toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
  }

  @Test
  void aHeaderValueOutOfRangeIsALocatedUsageError() throws IOException {
    Path m = write("h.m", "-- ballot: threads 100000\n" + COUNTER);
    Cli r = Cli.run("check", m.toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains(m + ":1:"), r::toString);
    assertTrue(r.err().contains("an integer from 0 to 256"), r::toString);
  }

  @Test
  void aProjectFileValueOutOfRangeIsALocatedUsageError() throws IOException {
    write("counter.m", COUNTER);
    Path yaml = write("ballot.yaml", "models:\n  - model: counter.m\n    time-limit: 1e400\n");
    Cli r = Cli.run("check", yaml.toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains(yaml + ":3:"), r::toString);
    assertTrue(r.err().contains("time-limit"), r::toString);
  }

  @Test
  void aMemoryLimitTheHeapCannotHoldIsAUsageError() throws IOException {
    long tooMuch = Runtime.getRuntime().maxMemory() / (1 << 20) + 1024; // MiB
    Cli r = Cli.run("check", "--memory", tooMuch + "M", write("counter.m", COUNTER).toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("is more than this JVM's heap can hold"), r::toString);
    assertTrue(r.err().contains("BALLOT_JAVA_OPTS"), r::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10001", "2147483647", "39", "-5"})
  void formatWidthOutOfRangeIsAUsageError(String width) throws IOException {
    Cli r = Cli.run("format", "--width", width, write("counter.m", COUNTER).toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("--width must be from 40 to 10000, not " + width), r::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"65536", "-1", "2147483647"})
  void viewPortOutOfRangeIsAUsageError(String port) throws IOException {
    Path report = write("r.json", "{\"verdict\": \"holds\"}");
    Cli r = Cli.run("view", "--serve", "--port", port, report.toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("invalid value for --port: '" + port + "' (expected a port from 0 to 65535"),
        r::toString);
  }

  @Test
  void manyThreadsStillHonourTheTimeLimit() throws IOException {
    // A million states: minutes on two cores; the limit stops it whatever the thread count.
    Path m = write("slow.m", """
        var x: 0..999; y: 0..999;
        startstate begin x := 0; y := 0 end;
        rule "x" true ==> begin x := (x + 1) % 1000 end;
        rule "y" true ==> begin y := (y + 7) % 1000 end;
        rule "xy" true ==> begin x := (x + y) % 1000 end;
        """);
    long start = System.nanoTime();
    Cli r = Cli.run("check", "--threads", "256", "--time-limit", "1", "--symmetry-reduction", "off",
        "--deadlock-detection", "off", m.toString());
    double seconds = (System.nanoTime() - start) / 1e9;
    if (r.exitCode() == ExitCodes.OK) {
      return; // a very fast machine finished the search in a second: nothing to stop
    }
    assertEquals(ExitCodes.RESOURCE_LIMIT, r.exitCode(), r::toString);
    assertTrue(r.err().contains("ballot: stopped: time limit reached (1.0 s)"), r::toString);
    assertTrue(seconds < 30, "stopped after " + seconds + " s");
  }

  // ------------------------------------------------------------------------------------------ huge states

  @Test
  void aStateTooLargeToStoreIsRejectedAtItsDeclaration() throws IOException {
    Path m = write("huge.m", """
        var
          ok: boolean;
          a: array [0..1000000000] of 0..255;
        startstate begin ok := true end;
        """);
    for (String command : new String[] {"validate", "check"}) {
      Cli r = Cli.run(command, m.toString());
      assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
      assertTrue(r.err().contains(m + ":3:6: error: this array of 1000000001 elements is too large to store"),
          r::toString);
      assertFalse(r.err().contains("Exception"), r::toString);
    }
  }

  @Test
  void aRulesetOfBillionsOfInstancesIsRejectedAtItsRuleNotEnumerated() throws IOException {
    Path m = write("wide.m", """
        var x: 0..10;
        startstate begin x := 0 end;
        ruleset i: -2147483648..10 do
          rule "r" x < 10 ==> begin x := x + 1 end;
        end;
        """);
    long start = System.nanoTime();
    Cli r = Cli.run("check", "--engine", "interpreted", m.toString());
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertTrue(r.err().contains(m + ":4:3: error: 'r' has 2,147,483,659 instances"), r::toString);
    assertTrue(r.err().contains("more than the 1,000,000 a model may have"), r::toString);
    assertFalse(r.err().contains("Exception"), r::toString);
    assertTrue(seconds < 30, "refused after " + seconds + " s, not after enumerating the instances");
  }

  @Test
  void nestedSizesWhoseProductOverflowsAreRejected() throws IOException {
    Path m = write("nested.m", """
        type t: array [0..4611686018427387902] of 0..4611686018427387903;
        var x: boolean;
        startstate begin x := true end;
        """);
    Cli r = Cli.run("check", m.toString());
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertTrue(r.err().contains(m + ":1:9: error: this array of 4611686018427387903 elements is too large"),
        r::toString);
  }

  @Test
  void aStateThatFitsInBitsButNotInTheMemoryLimitStopsWithExit4() throws IOException {
    // 900,000,009 bits, 107 MiB a state: the front end accepts it, the memory limit cannot hold it.
    Path m = write("wide.m", """
        var a: array [0..100000000] of 0..255;
        startstate begin end;
        rule "r" true ==> begin end;
        """);
    Path json = dir.resolve("wide.json");
    Cli r = Cli.run("check", "--memory", "64M", "--json", json.toString(), m.toString());
    assertEquals(ExitCodes.RESOURCE_LIMIT, r.exitCode(), r::toString);
    assertTrue(r.err().contains("ballot: stopped: memory limit reached (64 MiB, the --memory limit"), r::toString);
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertEquals("incomplete", report.get("verdict").asText(), report::toString);
  }

  // ------------------------------------------------------------------------------------------ memory limit

  @Test
  void theMemoryLimitStopsASearchOfWideStatesWithPartialCountsInEveryReport() throws IOException {
    Path m = write("wide.m", WIDE);
    Path json = dir.resolve("r.json");
    Path junit = dir.resolve("r.xml");
    Path sarif = dir.resolve("r.sarif");
    Path html = dir.resolve("r.html");
    Cli r = Cli.run("check", "--store", "memory", "--memory", "32M", "--json", json.toString(), "--junit",
        junit.toString(), "--sarif",
        sarif.toString(), "--html", html.toString(), m.toString());
    assertEquals(ExitCodes.RESOURCE_LIMIT, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Result: incomplete (stopped: memory limit reached (32 MiB, the --memory limit"),
        r::toString);
    assertTrue(r.err().matches("(?s).*ballot: stopped: memory limit reached .* \\(after [1-9][0-9]* states, .*"),
        r::toString);
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertEquals("incomplete", report.get("verdict").asText(), report::toString);
    assertTrue(report.get("stopReason").asText().startsWith("memory limit reached (32 MiB"), report::toString);
    long states = report.get("states").asLong();
    assertTrue(states > 10, report::toString);
    // 32 MiB hold about 120 states of 250 KB: the limit, not the heap, stopped the search
    assertTrue(states < 140, report::toString);
    assertTrue(report.get("rulesFired").asLong() > 0, report::toString);
    assertTrue(Files.readString(junit).contains("memory limit reached"), "the JUnit report says why");
    assertTrue(Files.readString(sarif).contains("memory limit reached"), "the SARIF report says why");
    assertTrue(Files.readString(html).contains("memory limit reached"), "the viewer page says why");
  }

  @Test
  void theDefaultMemoryLimitIsDerivedFromTheHeapSoTheHeapIsNeverExhausted() throws Exception {
    Path m = write("wide.m", WIDE);
    Path json = dir.resolve("d.json");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xss16m", "-Xmx160m", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "check", "--store", "memory", "--json", json.toString(), m.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("d.out").toFile())
        .start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the check ends");
    String output = Files.readString(dir.resolve("d.out"));
    assertEquals(ExitCodes.RESOURCE_LIMIT, p.exitValue(), output);
    assertFalse(output.contains("ran out of memory"), output);
    assertTrue(output.contains("memory limit reached"), output);
    assertTrue(output.contains("the default: 70% of the free JVM heap"), output);
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertEquals("incomplete", report.get("verdict").asText(), report::toString);
    long states = report.get("states").asLong();
    // 70% of what a 160 MiB heap has free holds a few hundred states of 250 KB, far from 100,001
    assertTrue(states > 100 && states < 640, report::toString);
  }
}
