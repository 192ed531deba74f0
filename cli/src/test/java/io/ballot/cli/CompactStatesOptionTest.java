package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --compact-states auto|on|off}, the public choice of how an exact search keeps its expanded states of over
 * 63 bits: on (tree-compressed from the start) holds fewer bytes than off (the id-indexed records) for the same
 * counts and counterexample; a model header and a project file say the same; any other value is a usage error.
 */
class CompactStatesOptionTest {
  /**
   * 4^9 = 262,144 states of 84 bits whose parts repeat (the tree's case), and an invariant that fails only when every
   * counter is full, at the last level: the whole space is stored before the violation.
   */
  private static final String PARTS = DiskStoreTest.PARTS;

  @Test
  void onHoldsFewerBytesThanOffForTheSameSearch(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("parts.m");
    Files.writeString(model, PARTS);
    Cli on = run(dir, "on", model);
    Cli off = run(dir, "off", model);
    Cli auto = run(dir, "auto", model);
    for (Cli r : List.of(on, off, auto)) {
      assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), r.toString());
      assertTrue(r.out().contains("States: 262144 "), r.out());
    }
    assertEquals(DiskStoreTest.masked(off.out()), DiskStoreTest.masked(on.out()), "counts and the counterexample");
    double onBytes = bytesPerState(dir, "on");
    double offBytes = bytesPerState(dir, "off");
    // measured: 5.3 against 30.5; the default keeps the records while they fit in half the memory limit
    assertTrue(onBytes < offBytes / 3, onBytes + " B/state on, " + offBytes + " off");
    assertEquals(offBytes, bytesPerState(dir, "auto"), 0.5, "auto with memory to spare keeps the records");
  }

  @Test
  void aModelHeaderAndAProjectFileChooseItToo(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("parts.m");
    Files.writeString(model, "-- ballot: compact-states on\n" + PARTS);
    Cli header = Cli.run("check", "--json", dir.resolve("header.json").toString(), model.toString());
    assertEquals(ExitCodes.INVARIANT_VIOLATED, header.exitCode(), header.toString());
    Files.writeString(dir.resolve("plain.m"), PARTS);
    Files.writeString(dir.resolve("ballot.yaml"), """
        models:
          - model: plain.m
            expect: violates "not all full"
            compact-states: on
        """);
    Cli gate = Cli.run("check", dir.resolve("ballot.yaml").toString(), "--json", dir.resolve("gate.json").toString());
    assertEquals(0, gate.exitCode(), gate.out() + gate.err());
    // on: 5.3 B/state; off or auto: 30.5
    assertTrue(peakPerState(dir.resolve("header.json")) < 10, "the header's on: " + peakPerState(dir.resolve(
        "header.json")));
    JsonNode result = new ObjectMapper().readTree(dir.resolve("gate.json").toFile()).get("models").get(0).get("result");
    double gateBytes = result.get("memory").get("peakBytes").asDouble() / result.get("states").asLong();
    assertTrue(gateBytes < 10, "the project file's on: " + gateBytes);
  }

  @Test
  void aModelWithALivenessPropertyKeepsItsRecordsAndSaysSo(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("live.m");
    Files.writeString(model, """
        var x: 0..3; pad: array [1..4] of 0..65535;
        startstate begin x := 0; for k: 1..4 do pad[k] := 7; end; end;
        rule "inc" true ==> begin x := (x + 1) % 4; end;
        liveness "zero again" x = 0;
        """);
    Cli on = Cli.run("check", "--compact-states", "on", model.toString());
    assertEquals(0, on.exitCode(), on.toString());
    assertTrue(on.err().contains("warning: " + model + ":4:1: --compact-states on does not apply with liveness"
        + " property \"zero again\""), on.err());
    Cli auto = Cli.run("check", model.toString());
    assertTrue(auto.err().isEmpty(), auto.err());
  }

  @Test
  void otherValuesAreUsageErrors(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("parts.m");
    Files.writeString(model, PARTS);
    for (String bad : List.of("yes", "tree", "1", "")) {
      Cli r = Cli.run("check", "--compact-states", bad, model.toString());
      assertEquals(2, r.exitCode(), bad + ": " + r.err());
      assertTrue(r.err().contains("invalid value for --compact-states: '" + bad + "' (expected one of auto, on or"
          + " off)"), r.err());
    }
  }

  private static Cli run(Path dir, String mode, Path model) {
    return Cli.run("check", "--threads", "2", "--compact-states", mode, "--json",
        dir.resolve(mode + ".json").toString(), model.toString());
  }

  private static double bytesPerState(Path dir, String mode) throws IOException {
    return peakPerState(dir.resolve(mode + ".json"));
  }

  private static double peakPerState(Path json) throws IOException {
    JsonNode r = new ObjectMapper().readTree(json.toFile());
    return r.get("memory").get("peakBytes").asDouble() / r.get("states").asLong();
  }
}
