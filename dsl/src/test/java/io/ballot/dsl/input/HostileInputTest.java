package io.ballot.dsl.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.api.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front end on input that is not a plain, reasonable model file: it answers with a located diagnostic. */
class HostileInputTest {
  private final FrontEnd frontEnd = new FrontEnd();

  private static final String HEADER = "var x: 0 .. 10;\nstartstate begin x := 0; end;\n";

  @Test
  void loneCrLineEndingsPutDiagnosticsOnTheirLines() {
    String text = "var x: 0 .. 10;\rstartstate begin x := 0; end;\r\rrule \"r\" x = 0 ==> begin x := y; end;\r";
    LoadResult r = frontEnd.load("mac.m", text);
    Diagnostic d = onlyError(r);
    assertEquals(4, d.line(), d::toString);
    assertEquals(31, d.column(), d::toString);
    assertTrue(d.message().contains("'y'"), d::toString);
  }

  @Test
  void loneCrModelIsAcceptedLikeItsLfTwin() {
    String lf = HEADER + "rule \"r\" x < 10 ==> begin x := x + 1; end;\n";
    assertTrue(!frontEnd.load("lf.m", lf).hasErrors());
    LoadResult cr = frontEnd.load("cr.m", lf.replace('\n', '\r'));
    assertTrue(!cr.hasErrors(), () -> cr.diagnostics().toString());
    assertEquals(lf.replace('\n', '\r'), cr.source(), "the source is kept as written");
  }

  @Test
  void aFifoIsRefusedAtOnce(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("pipe.m");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
    // reading a FIFO without a writer blocks forever: the front end must not open it
    LoadResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> frontEnd.load(fifo));
    assertTrue(onlyError(r).message().contains("not a regular file"), r.diagnostics()::toString);
  }

  @Test
  void aDeviceIsRefusedAtOnce() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "/dev/zero exists");
    // /dev/zero never ends: reading it filled the heap
    LoadResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> frontEnd.load(zero));
    assertTrue(onlyError(r).message().contains("not a regular file"), r.diagnostics()::toString);
  }

  @Test
  void deepParenthesesAreALocatedErrorNotACrash() throws Exception {
    String text = HEADER + "rule \"deep\" x = 0 ==> begin\n  x := " + "(".repeat(5_000) + "1"
        + ")".repeat(5_000) + ";\nend;\n";
    Diagnostic d = onlyError(onSmallStack(text));
    assertTrue(d.message().startsWith("nesting too deep"), d::toString);
    assertEquals(4, d.line(), d::toString);
    assertEquals(7 + 5_000, d.column(), "the innermost parenthesis: " + d);
  }

  @Test
  void deepIfStatementsAreALocatedErrorNotACrash() throws Exception {
    StringBuilder text = new StringBuilder(HEADER).append("rule \"deep\" x = 0 ==> begin\n");
    for (int i = 0; i < 5_000; i++) {
      text.append("if x = 0 then\n");
    }
    text.append("x := 1;\n").append("end;\n".repeat(5_000)).append("end;\n");
    Diagnostic d = onlyError(onSmallStack(text.toString()));
    assertTrue(d.message().startsWith("nesting too deep"), d::toString);
    assertEquals(3 + 5_000, d.line(), "the deepest if: " + d);
  }

  /** Loads {@code text} in a thread of 512 KiB of stack, less than any JVM's default: the stack runs out. */
  private LoadResult onSmallStack(String text) throws InterruptedException {
    AtomicReference<Object> result = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        result.set(frontEnd.load("deep.m", text));
      } catch (Throwable e) {
        result.set(e);
      }
    }, "small-stack", 512 * 1024);
    t.start();
    t.join();
    if (result.get() instanceof Throwable e) {
      throw new AssertionError("the front end threw instead of reporting", e);
    }
    return (LoadResult) result.get();
  }

  private static Diagnostic onlyError(LoadResult r) {
    var errors = r.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    assertEquals(1, errors.size(), r.diagnostics()::toString);
    return errors.get(0);
  }
}
