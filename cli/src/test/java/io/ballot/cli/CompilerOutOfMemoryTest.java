package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose compilation runs out of memory (a ruleset over a hundred million values, each an instance of its
 * rule) ends as any out-of-memory does: exit 4 and the hint, no stack trace. The compiler runs on a thread of its
 * own, whose uncaught OutOfMemoryError the JVM printed with its stack (found by the fuzz test, issue 21.11).
 */
class CompilerOutOfMemoryTest {

  @TempDir Path dir;

  @Test
  void runningOutOfMemoryWhileCompilingIsAResourceLimitWithoutAStackTrace() throws Exception {
    Path model = dir.resolve("huge-ruleset.m");
    Files.writeString(model, """
        var x: boolean;
        startstate begin x := false; end;
        ruleset i: 0..999999 do
          rule "flip" true ==> begin x := !x; end;
        end;
        """);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xss16m", "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "check", "--engine", "compiled", "--time-limit", "10", model.toString())
        .redirectErrorStream(true)
        .start();
    byte[] output = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ballot ends");
    String text = new String(output, StandardCharsets.UTF_8);
    assertEquals(ExitCodes.RESOURCE_LIMIT, p.exitValue(), text);
    assertTrue(text.contains("ballot: resource limit: the JVM ran out of memory"), text);
    assertFalse(text.contains("Exception in thread"), text);
    assertFalse(text.contains("\tat "), text);
  }
}
