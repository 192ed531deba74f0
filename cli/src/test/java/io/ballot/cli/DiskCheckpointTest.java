package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --checkpoint} and {@code --resume} with the disk store, on the command line: a disk run killed with SIGKILL
 * at random points and resumed (on disk or in memory) ends with the uninterrupted in-memory run's output; {@code
 * --store auto} with checkpoints hands over to the disk search through the checkpoint, at a level boundary or when
 * the memory limit comes within a level, and a resume too big for the memory limit continues on disk; a damaged or
 * mismatched checkpoint is refused on disk as in memory (exit 7), the checkpoint left as it was.
 */
class DiskCheckpointTest {
  private static final String COUNTERS = CountersModel.text(5, 9);
  /** Fails only deep in the search (depth 34), with a counterexample. */
  private static final String DEEP_BUG = COUNTERS.replace("c[i] <= MAX end",
      "c[i] <= MAX end & c[1] + c[2] + c[3] + c[4] < 34");

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  /** The text report less the start lines, the time and the memory figures. */
  private static String result(String out) {
    return out.lines()
        .filter(l -> !l.startsWith("Checking ") && !l.startsWith("Checkpoints into ") && !l.startsWith("Resuming ")
            && !l.startsWith("The run checkpointed "))
        .map(l -> l.replaceAll("Time: .*", ""))
        .collect(Collectors.joining("\n"));
  }

  @Test
  void aDiskRunKilledAtRandomPointsResumesToTheUninterruptedResult() throws Exception {
    Path model = write("deep.m", DEEP_BUG);
    Cli whole = Cli.run("check", model.toString(), "--threads", "2", "--store", "memory");
    assertEquals(ExitCodes.INVARIANT_VIOLATED, whole.exitCode(), whole.toString());
    String expected = result(whole.out());
    int resumed = 0;
    for (long seed = 1; seed <= 4; seed++) {
      Path ck = dir.resolve("kill-" + seed);
      Path out = dir.resolve("out-" + seed);
      // from the start line (the JVM's start and the model's load take seconds on a loaded machine)
      long delay = new Random(seed).nextInt(3000);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p = new ProcessBuilder(java, "-Xss16m", "-cp", System.getProperty("java.class.path"),
          Main.class.getName(), "check", "--threads", "2", "--store", "disk:" + dir.resolve("store"), "--memory",
          "32K", "--checkpoint", ck.toString(), "--checkpoint-every", "0", model.toString())
          .redirectOutput(out.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      for (int wait = 0; wait < 600 && p.isAlive() && !Files.readString(out).contains("Checkpoints into"); wait++) {
        Thread.sleep(100);
      }
      boolean ended = p.waitFor(delay, TimeUnit.MILLISECONDS);
      if (!ended) {
        p.destroyForcibly(); // SIGKILL on Linux
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      }
      String what = "seed " + seed + ", killed " + delay + " ms after its start line"
          + (ended ? " (it had ended)" : "");
      // odd seeds resume on disk, even ones in memory
      Cli r = seed % 2 == 1
          ? Cli.run("check", model.toString(), "--threads", "1", "--store", "disk", "--memory", "32K", "--resume",
              ck.toString())
          : Cli.run("check", model.toString(), "--threads", "1", "--store", "memory", "--resume", ck.toString());
      if (!Files.exists(ck.resolve("manifest"))) {
        assertEquals(ExitCodes.CHECKPOINT_REFUSED, r.exitCode(), what + ": " + r.err());
        assertTrue(r.err().contains("no checkpoint in"), r.err());
        continue;
      }
      resumed++;
      assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), what + ": " + r);
      assertEquals(expected, result(r.out()), what);
    }
    assertTrue(resumed >= 1, "none of the killed runs had written a checkpoint");
  }

  /** The memory limit comes within a level (states kept as values): the disk search resumes the last checkpoint. */
  @Test
  void autoWithCheckpointsContinuesOnDiskFromTheLastCheckpoint() throws IOException {
    Path model = write("counters.m", COUNTERS);
    Cli full = Cli.run("check", model.toString(), "--threads", "2");
    Path ck = dir.resolve("ck");
    Cli auto = Cli.run("check", model.toString(), "--threads", "2", "--memory", "256K", "--checkpoint",
        ck.toString(), "--checkpoint-every", "0");
    assertEquals(0, full.exitCode(), full.toString());
    assertEquals(0, auto.exitCode(), auto.toString());
    assertTrue(auto.err().contains("the in-memory search reached its memory limit; continuing from its checkpoint in "
        + ck + " with the states on disk"), auto.err());
    assertEquals(result(full.out()), result(auto.out()));
    Cli again = Cli.run("check", model.toString(), "--threads", "1", "--resume", ck.toString());
    assertTrue(again.out().contains("had already finished"), again.out());
    assertEquals(result(full.out()), result(again.out()));
  }

  /** States stored by id are handed over at a level boundary: the checkpoint is committed there and resumed on disk. */
  @Test
  void autoWithCheckpointsHandsOverAtALevelBoundaryWithTheSameCounterexample() throws IOException {
    Path model = write("deep.m", CountersModel.wide(DEEP_BUG));
    Cli full = Cli.run("check", model.toString(), "--threads", "2", "--store", "memory");
    Path ck = dir.resolve("ck");
    Cli auto = Cli.run("check", model.toString(), "--threads", "2", "--memory", "1M", "--x-wide-store", "records",
        "--checkpoint", ck.toString());
    assertEquals(ExitCodes.INVARIANT_VIOLATED, full.exitCode(), full.toString());
    assertEquals(ExitCodes.INVARIANT_VIOLATED, auto.exitCode(), auto.toString());
    assertTrue(auto.err().contains("the in-memory search nears its memory limit at a level boundary; continuing from"
        + " its checkpoint in " + ck + " with the states on disk"), auto.err());
    assertEquals(result(full.out()), result(auto.out()));
  }

  /** A checkpoint too big for the memory limit, resumed with --store auto, is resumed on disk instead. */
  @Test
  void aResumeTooBigForMemoryContinuesOnDisk() throws IOException {
    Path model = write("counters.m", COUNTERS);
    Path ck = dir.resolve("ck");
    Cli first = Cli.run("check", model.toString(), "--threads", "2", "--store", "memory", "--checkpoint",
        ck.toString(), "--checkpoint-every", "0", "--bound", "30");
    assertEquals(0, first.exitCode(), first.toString());
    byte[] manifest = Files.readAllBytes(ck.resolve("manifest"));
    Cli refused = Cli.run("check", model.toString(), "--resume", ck.toString(), "--memory", "256K", "--store",
        "memory", "--bound", "30");
    assertEquals(ExitCodes.RESOURCE_LIMIT, refused.exitCode(), refused.toString());
    assertArrayEquals(manifest, Files.readAllBytes(ck.resolve("manifest")), "the checkpoint is left as it was");
    // the same checkpoint under another bound is another search: refused, whatever the store
    Cli other = Cli.run("check", model.toString(), "--resume", ck.toString(), "--store", "disk");
    assertEquals(ExitCodes.CHECKPOINT_REFUSED, other.exitCode(), other.toString());
    Cli auto = Cli.run("check", model.toString(), "--resume", ck.toString(), "--memory", "256K", "--bound", "30",
        "--threads", "2");
    assertEquals(0, auto.exitCode(), auto.toString());
    assertTrue(auto.err().contains("continuing from its checkpoint in " + ck), auto.err());
    Cli bounded = Cli.run("check", model.toString(), "--threads", "2", "--bound", "30");
    assertEquals(result(bounded.out()), result(auto.out()));
  }

  @Test
  void aDamagedDiskCheckpointIsRefusedAndLeftAsItWas() throws IOException {
    Path model = write("counters.m", COUNTERS);
    Path ck = dir.resolve("ck");
    Cli r = Cli.run("check", model.toString(), "--store", "disk", "--memory", "32K", "--checkpoint", ck.toString(),
        "--checkpoint-every", "0");
    assertEquals(0, r.exitCode(), r.toString());
    Path states = ck.resolve("states");
    byte[] b = Files.readAllBytes(states);
    b[b.length / 2] ^= 0x10;
    Files.write(states, b);
    Cli bad = Cli.run("check", model.toString(), "--store", "disk", "--memory", "32K", "--resume", ck.toString());
    assertEquals(ExitCodes.CHECKPOINT_REFUSED, bad.exitCode(), bad.toString());
    assertTrue(bad.err().contains("the checkpoint in " + ck + " is damaged")
        || bad.err().contains("does not match: the file was altered"), bad.err());
    assertFalse(bad.err().contains("Exception") || bad.err().contains("\tat "), bad.err());
    assertArrayEquals(b, Files.readAllBytes(states));
    Cli other = Cli.run("check", model.toString(), "--store", "disk", "--resume", ck.toString(), "--const", "MAX=8");
    assertEquals(ExitCodes.CHECKPOINT_REFUSED, other.exitCode(), other.toString());
    assertTrue(other.err().contains("written with other constants"), other.err());
  }
}
