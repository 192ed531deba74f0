package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint is resumed only by the model and options it was written for, and only whole: another model, other
 * constants or another symmetry mode, a truncated manifest or states file, a flipped byte, or no checkpoint at all
 * is refused with one clear line and exit 7, never a stack trace nor a result. Misuses of the options are usage
 * errors (exit 2).
 */
class CheckpointRefusalTest {
  private static final String MODEL = """
      const N : 3;
      type node : scalarset(N);
      var count : array[node] of 0..2;
      startstate begin for n : node do count[n] := 0; end; end;
      ruleset n : node do rule "inc" count[n] < 2 ==> begin count[n] := count[n] + 1; end; end;
      rule "reset" forall n : node do count[n] = 2 end ==> begin for n : node do count[n] := 0; end; end;
      invariant "bounded" forall n : node do count[n] <= 2 end;
      """;

  @TempDir Path dir;
  private Path model;
  private Path ck;
  private String uninterrupted;

  @BeforeEach
  void checkpointAWholeRun() throws IOException {
    model = dir.resolve("counts.m");
    Files.writeString(model, MODEL);
    ck = dir.resolve("ck");
    Cli plain = Cli.run("check", model.toString());
    assertEquals(0, plain.exitCode(), plain.err());
    uninterrupted = counts(plain.out());
    Cli r = Cli.run("check", model.toString(), "--checkpoint", ck.toString(), "--checkpoint-every", "0");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Checkpoints into " + ck + " at every level boundary"), r.out());
  }

  @Test
  void aFinishedRunResumedSaysSoAndReportsItsResult() {
    Cli r = Cli.run("check", model.toString(), "--resume", ck.toString(), "--threads", "2");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("The run checkpointed in " + ck + " had already finished"), r.out());
    assertEquals(uninterrupted, counts(r.out()));
  }

  @Test
  void anotherModelIsRefused() throws IOException {
    Files.writeString(model, MODEL.replace("count[n] < 2 ==>", "count[n] < 1 ==>"));
    assertRefused(Cli.run("check", model.toString(), "--resume", ck.toString()), "written for another model");
  }

  @Test
  void otherConstantsAreRefused() {
    assertRefused(Cli.run("check", model.toString(), "--resume", ck.toString(), "--const", "N=2"),
        "written with other constants (N=3; this run: N=2)");
  }

  @Test
  void anotherSymmetryModeIsRefused() {
    assertRefused(Cli.run("check", model.toString(), "--resume", ck.toString(), "--symmetry-reduction", "off"),
        "--symmetry-reduction heuristic");
  }

  @Test
  void aTruncatedManifestIsRefused() throws IOException {
    Path manifest = ck.resolve("manifest");
    byte[] b = Files.readAllBytes(manifest);
    Files.write(manifest, java.util.Arrays.copyOf(b, b.length - 7));
    assertRefused(Cli.run("check", model.toString(), "--resume", ck.toString()), "manifest");
  }

  @Test
  void aFlippedByteInTheStatesFileIsRefused() throws IOException {
    Path states = ck.resolve("states");
    byte[] b = Files.readAllBytes(states);
    b[b.length / 2] ^= 0x10;
    Files.write(states, b);
    assertRefused(Cli.run("check", model.toString(), "--resume", ck.toString()), "states");
  }

  @Test
  void aTruncatedStatesFileIsRefused() throws IOException {
    Path states = ck.resolve("states");
    byte[] b = Files.readAllBytes(states);
    Files.write(states, java.util.Arrays.copyOf(b, b.length - 3));
    assertRefused(Cli.run("check", model.toString(), "--resume", ck.toString()), "truncated");
  }

  @Test
  void noCheckpointIsRefused() {
    assertRefused(Cli.run("check", model.toString(), "--resume", dir.resolve("none").toString()), "no checkpoint");
  }

  @Test
  void aNewRunDoesNotOverwriteACheckpoint() throws IOException {
    byte[] before = Files.readAllBytes(ck.resolve("manifest"));
    Cli r = Cli.run("check", model.toString(), "--checkpoint", ck.toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.out() + r.err());
    assertTrue(r.err().contains("already holds a checkpoint; continue it with --resume"), r.err());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(ck.resolve("manifest"))));
  }

  @Test
  void livenessPropertiesAreRefused() throws IOException {
    Path live = dir.resolve("live.m");
    Files.writeString(live, """
        var x : 0..3;
        startstate begin x := 0; end;
        rule "up" x < 3 ==> begin x := x + 1; end;
        rule "down" x = 3 ==> begin x := 0; end;
        liveness "returns" x = 0;
        """);
    Cli r = Cli.run("check", live.toString(), "--checkpoint", dir.resolve("live").toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.out() + r.err());
    assertTrue(r.err().contains("cannot be used with liveness properties"), r.err());
    assertFalse(Files.exists(dir.resolve("live")), "nothing written");
  }

  @Test
  void badCheckpointOptionsAreUsageErrors() {
    Cli r = Cli.run("check", model.toString(), "--checkpoint", ck.toString(), "--checkpoint-every", "5 min");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().contains("invalid value for --checkpoint-every: '5 min'"), r.err());
    r = Cli.run("check", model.toString(), "--checkpoint-every", "10s");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().contains("--checkpoint-every needs --checkpoint DIR"), r.err());
    r = Cli.run("check", model.toString(), "--checkpoint", dir.resolve("a").toString(), "--resume", ck.toString());
    assertEquals(ExitCodes.USAGE, r.exitCode());
    r = Cli.run("check", model.toString(), model.toString(), "--checkpoint", dir.resolve("b").toString());
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().contains("--checkpoint and --resume take one model"), r.err());
  }

  /**
   * A resume whose states do not fit the memory limit stops (exit 4) and leaves the checkpoint as it was, with
   * {@code --store memory} (with {@code auto}, the disk search resumes it: {@link DiskCheckpointTest}).
   */
  @Test
  void aResumeThatDoesNotFitTheMemoryLimitLeavesTheCheckpoint() throws IOException {
    Path wide = dir.resolve("wide.m");
    Files.writeString(wide, """
        var x : 0..20000;
        startstate begin x := 0; end;
        ruleset i : 1..20000 do rule "pick" x = 0 ==> begin x := i; end; end;
        rule "back" x != 0 ==> begin x := 0; end;
        """);
    Path wck = dir.resolve("wide");
    assertEquals(0, Cli.run("check", wide.toString(), "--checkpoint", wck.toString()).exitCode());
    byte[] manifest = Files.readAllBytes(wck.resolve("manifest"));
    byte[] states = Files.readAllBytes(wck.resolve("states"));
    Cli r = Cli.run("check", wide.toString(), "--resume", wck.toString(), "--memory", "200K", "--store", "memory");
    assertEquals(ExitCodes.RESOURCE_LIMIT, r.exitCode(), r.out() + r.err());
    assertTrue(r.err().contains("while reading back the checkpoint's 20001 states (the checkpoint is left as it was)"),
        r.err());
    assertTrue(java.util.Arrays.equals(manifest, Files.readAllBytes(wck.resolve("manifest"))));
    assertTrue(java.util.Arrays.equals(states, Files.readAllBytes(wck.resolve("states"))));
    assertEquals(0, Cli.run("check", wide.toString(), "--resume", wck.toString()).exitCode());
  }

  private static void assertRefused(Cli r, String says) {
    assertEquals(ExitCodes.CHECKPOINT_REFUSED, r.exitCode(), r.out() + r.err());
    assertTrue(r.err().contains(says), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    assertFalse(r.out().contains("Result:"), "no result: " + r.out());
  }

  /** The "States: ..." line without its time. */
  private static String counts(String out) {
    return out.lines().filter(l -> l.startsWith("States:")).map(l -> l.replaceAll("Time: .*", "")).findFirst()
        .orElse("none in " + out);
  }
}
