package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that is no Murphi model (a binary, a text with a huge first line) is rejected (exit 3) quoting at most a
 * bounded slice of it, and no control character, on the console and in the JUnit XML and SARIF reports.
 */
class NotAModelTest {

  @TempDir Path dir;

  private void assertBounded(Path model, String secretTail) throws Exception {
    Path junit = dir.resolve("r.xml");
    Path sarif = dir.resolve("r.sarif");
    Cli r = Cli.run("check", model.toString(), "--junit", junit.toString(), "--sarif", sarif.toString());
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    for (String text : new String[] {r.out() + r.err(), Files.readString(junit), Files.readString(sarif)}) {
      assertFalse(text.contains(secretTail), "the end of the line is not quoted: " + text);
      assertFalse(text.contains("x".repeat(io.ballot.cli.report.DiagnosticPrinter.MAX_QUOTED + 1)), "at most a slice of " + io.ballot.cli.report.DiagnosticPrinter.MAX_QUOTED + " characters is quoted: " + text);
      for (String line : text.split("\n")) {
        assertFalse(line.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\r'),
            "no control character: " + line);
      }
    }
  }

  @Test
  void aHugeFirstLineIsQuotedOnlyInASlice() throws Exception {
    Path model = dir.resolve("long.m");
    Files.writeString(model, "x".repeat(5000) + "SECRET-TAIL" + "\n");
    assertBounded(model, "SECRET-TAIL");
  }

  @Test
  void aBinaryFileIsNotQuoted() throws Exception {
    Path model = dir.resolve("bin.m");
    byte[] bytes = new byte[600];
    byte[] head = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, (byte) 0xd0, 0x61};
    System.arraycopy(head, 0, bytes, 0, head.length);
    byte[] tail = "SECRET-TAIL".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(tail, 0, bytes, 500, tail.length);
    Files.write(model, bytes);
    assertBounded(model, "SECRET-TAIL");
  }
}
