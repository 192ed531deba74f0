package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files that are not UTF-8 (CMurphi's real/turbogas.m has a Latin-1 degree sign) are read as Latin-1 with a
 * warning at the first byte that is not UTF-8, by every command; {@code format --in-place} writes them back in
 * Latin-1, so no character is lost.
 */
class Latin1ModelsTest {
  @TempDir Path dir;

  private static final String MODEL =
      "-- heats the room\nvar x: boolean;\nstartstate begin x := false; end;\n"
          + "rule \"to 20\u00b0C\" true ==> x := !x; end;\n";

  private Path latin1(String name, String text) throws IOException {
    return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void validateAndCheckReadLatin1WithAWarning() throws IOException {
    Path m = latin1("heat.m", MODEL);
    for (String command : new String[] {"validate", "check"}) {
      Cli r = Cli.run(command, m.toString());
      assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
      assertTrue(r.err().contains(m + ":4:12: warning: the file is not UTF-8"), r::toString);
      assertTrue(r.err().contains("read as Latin-1 (ISO-8859-1)"), r::toString);
    }
    Cli check = Cli.run("check", m.toString());
    assertTrue(check.out().contains("States: 2 "), check::toString);
  }

  @Test
  void formatInPlaceKeepsLatin1() throws IOException {
    Path m = latin1("heat.m", MODEL);
    Cli r = Cli.run("format", "--in-place", m.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    byte[] bytes = Files.readAllBytes(m);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    assertTrue(text.contains("\"to 20\u00b0C\""), text);
    assertArrayEquals(text.getBytes(StandardCharsets.ISO_8859_1), bytes);
    assertTrue(!new String(bytes, StandardCharsets.ISO_8859_1).contains("\u00c2\u00b0"), "not re-encoded as UTF-8");
  }

  @Test
  void utf8FilesStayUtf8WithoutAWarning() throws IOException {
    Path m = Files.writeString(dir.resolve("heat.m"), MODEL, StandardCharsets.UTF_8);
    Cli r = Cli.run("validate", m.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertTrue(!r.err().contains("Latin-1"), r::toString);
  }
}
