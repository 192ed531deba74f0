package io.ballot.cli;

import static io.ballot.cli.Cli.accepted;
import static io.ballot.cli.Cli.error;
import static io.ballot.cli.Cli.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.dsl.api.FormatResult;
import io.ballot.dsl.api.LoadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ballot format} against a fake front end whose formatter prefixes the source with "formatted ". */
class FormatCommandTest {

  @TempDir Path dir;

  /** Accepts files whose text has no "!"; reads the real file so in-place rewriting can be observed. */
  private static final Function<Path, LoadResult> FRONT_END =
      file -> {
        String text;
        try {
          text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        int bang = text.indexOf('!');
        return bang < 0 || text.startsWith("formatted ")
            ? accepted(file, text)
            : rejected(file, text, error(file, 1, bang + 1, 1, "unexpected '!'"));
      };

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void printsTheFormattedTextOnStdout() throws IOException {
    Path m = write("m.m", "var x: boolean; -- ünïcode\n");
    Cli r = Cli.run(FRONT_END, "format", m.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertEquals("formatted var x: boolean; -- ünïcode\n", r.out());
    assertEquals("", r.err());
    assertEquals("var x: boolean; -- ünïcode\n", Files.readString(m), "file untouched");
  }

  @Test
  void inPlaceRewritesTheFiles() throws IOException {
    Path a = write("a.m", "a\n");
    Path b = write("b.m", "b\n");
    Cli r = Cli.run(FRONT_END, "format", "-i", a.toString(), b.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertEquals("", r.out());
    assertEquals("formatted a\n", Files.readString(a));
    assertEquals("formatted b\n", Files.readString(b));
  }

  @Test
  void inPlaceLeavesAFormattedFileUntouched() throws IOException {
    Path m = write("m.m", "formatted x");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(m, old);
    ModelLoader identity =
        new ModelLoader() {
          @Override
          public LoadResult load(Path file) {
            return FRONT_END.apply(file);
          }

          @Override
          public FormatResult format(Path file) {
            LoadResult load = load(file);
            return new FormatResult(load, load.source());
          }
        };
    Cli r = Cli.run(() -> identity, "format", "--in-place", m.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertEquals(old, Files.getLastModifiedTime(m));
  }

  @Test
  void rejectedModelIsReportedAndNotFormatted() throws IOException {
    Path m = write("m.m", "x !\n");
    Cli r = Cli.run(FRONT_END, "format", m.toString());
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertEquals("", r.out());
    assertEquals(m + ":1:3: error: unexpected '!'\nx !\n  ^\n", r.err());
  }

  @Test
  void inPlaceWithARejectedFileFormatsTheOthersAndExits3() throws IOException {
    Path bad = write("bad.m", "!\n");
    Path good = write("good.m", "g\n");
    Cli r = Cli.run(FRONT_END, "format", "-i", bad.toString(), good.toString());
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertEquals("!\n", Files.readString(bad));
    assertEquals("formatted g\n", Files.readString(good));
  }

  @Test
  void fileThatCannotBeWrittenIsReportedAndExits3() {
    Path m = dir.resolve("gone").resolve("m.m"); // its directory does not exist
    Cli r = Cli.run(file -> accepted(file, "x"), "format", "-i", m.toString());
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertEquals(m + ": error: cannot write file: no such file or directory\n", r.err());
  }

  @Test
  void severalFilesNeedInPlace() throws IOException {
    Path a = write("a.m", "a\n");
    Path b = write("b.m", "b\n");
    Cli r = Cli.run(FRONT_END, "format", a.toString(), b.toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("use --in-place"), r::toString);
    assertEquals("", r.out());
  }
}
