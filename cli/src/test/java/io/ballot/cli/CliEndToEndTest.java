package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end: {@code ballot} with the real front end on real files. */
class CliEndToEndTest {

  static final String VALID =
      """
      -- A counter that stops at N.
      const N: 2;
      type Idx: 0 .. N;
      var x: Idx;

      startstate begin
        x := 0;
      end;

      rule "inc" x < N ==> begin
        x := x + 1;
      end;

      invariant "bounded" x <= N;
      """;

  static final String SYNTAX_ERROR =
      """
      var
        x: boolean;
        y: : boolean;

      startstate begin
        x := true;
      end;
      """;

  static final String UNDECLARED =
      """
      var
        x: 0 .. 3;
      startstate begin
        x := y;
      end;
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void validModelIsAccepted() throws IOException {
    Path m = write("counter.m", VALID);
    Cli r = Cli.run("validate", m.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertEquals("", r.out());
  }

  @Test
  void verboseReportsOk() throws IOException {
    Path m = write("counter.m", VALID);
    Cli r = Cli.run("validate", "--verbose", m.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertTrue(r.out().startsWith(m + ": ok ("), r::toString);
  }

  @Test
  void syntaxErrorIsRejectedWithPositionSourceAndCaret() throws IOException {
    Path m = write("bad.m", SYNTAX_ERROR);
    Cli r = Cli.run("validate", m.toString());
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertTrue(
        Pattern.compile(Pattern.quote(m.toString()) + ":3:\\d+: error: ").matcher(r.err()).find(), r::toString);
    assertTrue(r.err().contains("\n  y: : boolean;\n"), "quotes the source line: " + r);
    assertTrue(Pattern.compile("\n *\\^~*\n").matcher(r.err()).find(), "has a caret line: " + r);
    assertEquals("", r.out());
  }

  @Test
  void undeclaredNameIsRejected() throws IOException {
    Path m = write("undeclared.m", UNDECLARED);
    Cli r = Cli.run("validate", m.toString());
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertTrue(r.err().contains(m + ":4:8: error: "), r::toString);
  }

  @Test
  void missingFileIsRejectedAndNamed() {
    Path m = dir.resolve("no-such-model.m");
    Cli r = Cli.run("validate", m.toString());
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith(m + ": error: "), r::toString);
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
  }

  @Test
  void directoryIsRejected() {
    Cli r = Cli.run("validate", dir.toString());
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith(dir + ": error: "), r::toString);
  }

  @Test
  void oneBadFileAmongGoodOnesGivesExit3() throws IOException {
    Path good = write("counter.m", VALID);
    Path bad = write("bad.m", SYNTAX_ERROR);
    Cli r = Cli.run("validate", good.toString(), bad.toString());
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertFalse(r.err().contains(good.toString()), r::toString);
  }

  @Test
  void badOptionIsAUsageError() throws IOException {
    Path m = write("counter.m", VALID);
    Cli r = Cli.run("validate", "--no-such-option", m.toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("--no-such-option"), r::toString);
    assertTrue(r.err().contains("--help"), r::toString);
  }

  @Test
  @Tag("format")
  void formatIsAcceptedAndIdempotent() throws IOException {
    Path m = write("counter.m", VALID);
    Cli first = Cli.run("format", m.toString());
    assertEquals(ExitCodes.OK, first.exitCode(), first::toString);
    assertFalse(first.out().isBlank(), first::toString);
    Path formatted = write("formatted.m", first.out());
    Cli second = Cli.run("format", formatted.toString());
    assertEquals(ExitCodes.OK, second.exitCode(), second::toString);
    assertEquals(first.out(), second.out());
  }

  @Test
  @Tag("format")
  void formatInPlaceRewritesTheFile() throws IOException {
    Path m = write("counter.m", VALID);
    String expected = Cli.run("format", m.toString()).out();
    Cli r = Cli.run("format", "-i", m.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertEquals("", r.out());
    assertEquals(expected, Files.readString(m, StandardCharsets.UTF_8));
  }

  @Test
  @Tag("format")
  void formatOfARejectedModelExits3() throws IOException {
    Path m = write("bad.m", SYNTAX_ERROR);
    Cli r = Cli.run("format", m.toString());
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertEquals("", r.out());
    assertEquals(SYNTAX_ERROR, Files.readString(m, StandardCharsets.UTF_8));
  }
}
