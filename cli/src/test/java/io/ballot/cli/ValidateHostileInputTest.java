package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ballot validate} and {@code check} with the real front end on input that once stopped them: a file that
 * is not a file, a model nested too deeply for the stack. Each is a located error (exit 3), and the files after it
 * are still validated.
 */
class ValidateHostileInputTest {
  private static final String GOOD = "var x: 0 .. 1;\nstartstate begin x := 0; end;\nrule \"r\" x = 0 ==> begin x := 1; end;\n";

  @Test
  void aFifoIsRefusedAndTheNextFileIsValidated(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("pipe.m");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
    Path good = Files.writeString(dir.resolve("good.m"), GOOD);
    Cli r = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> Cli.run("validate", "-v", fifo.toString(), good.toString()));
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertTrue(r.err().contains(fifo + ": error: is not a regular file"), r::toString);
    assertTrue(r.out().contains(good + ": ok"), r::toString);
  }

  @Test
  void checkRefusesADevice() {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "/dev/zero exists");
    Cli r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("check", "/dev/zero"));
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertTrue(r.err().contains("/dev/zero: error: is not a regular file"), r::toString);
  }

  @Test
  void deepNestingIsALocatedErrorAndTheNextFileIsValidated(@TempDir Path dir) throws Exception {
    Path deep = Files.writeString(dir.resolve("deep.m"), "var x: 0 .. 1;\nstartstate begin x := 0; end;\n"
        + "rule \"deep\" x = 0 ==> begin x := " + "(".repeat(5_000) + "1" + ")".repeat(5_000) + "; end;\n");
    Path good = Files.writeString(dir.resolve("good.m"), GOOD);
    Cli r = onSmallStack(() -> Cli.run("validate", "-v", deep.toString(), good.toString()));
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith(deep + ":3:"), r::toString);
    assertTrue(r.err().contains("error: nesting too deep"), r::toString);
    assertTrue(!r.err().contains("internal error"), r::toString);
    assertTrue(r.out().contains(good + ": ok"), r::toString);
  }

  /** Runs {@code run} in a thread of 512 KiB of stack, less than any JVM's default: the front end's stack runs out. */
  private static Cli onSmallStack(java.util.function.Supplier<Cli> run) throws InterruptedException {
    AtomicReference<Cli> result = new AtomicReference<>();
    Thread t = new Thread(null, () -> result.set(run.get()), "small-stack", 512 * 1024);
    t.start();
    t.join();
    return result.get();
  }
}
