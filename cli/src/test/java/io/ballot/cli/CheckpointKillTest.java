package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints survive the process dying at any point: {@code ballot check --checkpoint} run as a separate process
 * and killed with SIGKILL after a random delay (three seeds), then resumed, ends with the uninterrupted run's output
 * (verdict, counts, counterexample, covers); so does a run split by {@code --time-limit}. Killed before its first
 * checkpoint, a run leaves none, and resuming says so (exit 7).
 */
class CheckpointKillTest {
  private static final Path MODEL = Path.of("../protocols/models/paxos/Paxos-bug-forget-promise-on-restart.m");
  private static String uninterrupted;

  @TempDir Path dir;

  @BeforeAll
  static void runWhole() {
    Cli r = Cli.run("check", MODEL.toString(), "--threads", "2");
    assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), r.err());
    uninterrupted = result(r.out());
  }

  @Test
  void killedAtRandomPointsAndResumedGivesTheUninterruptedResult() throws Exception {
    for (long seed = 1; seed <= 3; seed++) {
      Path ck = dir.resolve("kill-" + seed);
      long delay = 800 + new Random(seed).nextInt(4000); // from JVM start: some before the first level boundary
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p = new ProcessBuilder(java, "-Xss16m", "-cp", System.getProperty("java.class.path"),
          Main.class.getName(), "check", "--threads", "2", "--checkpoint", ck.toString(), "--checkpoint-every", "0",
          MODEL.toString())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      boolean ended = p.waitFor(delay, TimeUnit.MILLISECONDS);
      if (!ended) {
        p.destroyForcibly(); // SIGKILL on Linux
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      }
      String what = "seed " + seed + ", killed after " + delay + " ms" + (ended ? " (it had ended)" : "");
      Cli r = Cli.run("check", MODEL.toString(), "--threads", "1", "--resume", ck.toString());
      if (!Files.exists(ck.resolve("manifest"))) {
        assertEquals(ExitCodes.CHECKPOINT_REFUSED, r.exitCode(), what + ": " + r.err());
        assertTrue(r.err().contains("no checkpoint in"), r.err());
        continue;
      }
      assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), what + ": " + r.err());
      assertEquals(uninterrupted, result(r.out()), what);
    }
  }

  @Test
  void aRunSplitByTheTimeLimitGivesTheUninterruptedResult() {
    Path ck = dir.resolve("limit");
    Cli first = Cli.run("check", MODEL.toString(), "--threads", "2", "--time-limit", "2", "--checkpoint",
        ck.toString());
    if (first.exitCode() == ExitCodes.RESOURCE_LIMIT) {
      assertTrue(first.err().contains("ballot: checkpoint: " + ck + " holds depth "), first.err());
      assertTrue(first.err().contains("--resume " + ck), first.err());
    }
    Cli r = Cli.run("check", MODEL.toString(), "--threads", "1", "--resume", ck.toString());
    assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), r.err());
    // A first run that found the violation as its time limit came (exit 10) left a checkpoint of the level before:
    // resumed, not finished. Only a first run stopped by the limit alone is sure to be resumed.
    assertTrue(first.exitCode() == ExitCodes.RESOURCE_LIMIT ? r.out().contains("Resuming from the checkpoint in ")
        : r.out().contains("had already finished") || r.out().contains("Resuming from the checkpoint in "), r.out());
    assertEquals(uninterrupted, result(r.out()));
  }

  /** The text report less the start lines and the time. */
  private static String result(String out) {
    List<String> lines = out.lines()
        .filter(l -> !l.startsWith("Checking ") && !l.startsWith("Checkpoints into ") && !l.startsWith("Resuming ")
            && !l.startsWith("The run checkpointed "))
        .map(l -> l.replaceAll("Time: .*", ""))
        .toList();
    return lines.stream().collect(Collectors.joining("\n"));
  }
}
