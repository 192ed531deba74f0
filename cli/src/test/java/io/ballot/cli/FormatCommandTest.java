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
import java.util.List;
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
    Cli r = Cli.run(() -> PREFIXING, "format", "--in-place", m.toString()); // "formatted x" is its own layout
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

  /** A loader whose "formatter" applies {@code format} to the accepted source. */
  private static ModelLoader formattingWith(Function<String, String> format) {
    return new ModelLoader() {
      @Override
      public LoadResult load(Path file) {
        return FRONT_END.apply(file);
      }

      @Override
      public FormatResult format(Path file, int width) {
        LoadResult load = load(file);
        return new FormatResult(load, format.apply(load.source()));
      }
    };
  }

  @Test
  void aFormatterThatWouldLoseACommentIsRefusedAndTheFileIsUntouched() throws IOException {
    String text = "var x: boolean; -- keep me\n/* and me */ rule begin end;\n";
    Path m = write("m.m", text);
    ModelLoader dropping = formattingWith(src -> src.replace("-- keep me", ""));
    Cli r = Cli.run(() -> dropping, "format", "-i", m.toString());
    assertEquals(ExitCodes.INTERNAL_ERROR, r.exitCode(), r::toString);
    assertEquals(
        m + ": error: not formatted: the formatted text would lose the comment '-- keep me' (line 1)"
            + " (a bug in ballot format; the file is unchanged)\n",
        r.err());
    assertEquals(text, Files.readString(m), "file untouched");
    Cli stdout = Cli.run(() -> dropping, "format", m.toString());
    assertEquals(ExitCodes.INTERNAL_ERROR, stdout.exitCode(), stdout::toString);
    assertEquals("", stdout.out(), "nothing printed for a text that lost a comment");
  }

  @Test
  void commentsThatOnlyMoveOrLoseTrailingBlanksAreAccepted() throws IOException {
    Path m = write("m.m", "-- a   \nx /* b */\n");
    Cli r = Cli.run(() -> formattingWith(src -> "/* b */\nx\n-- a\n"), "format", "-i", m.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertEquals("/* b */\nx\n-- a\n", Files.readString(m));
  }

  @Test
  void inPlaceWritesThroughASymlinkKeepsPermissionsAndLeavesNoTemporaryFile() throws IOException {
    Path real = write("real.m", "r\n");
    Files.setPosixFilePermissions(real, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
    Path link = Files.createSymbolicLink(dir.resolve("link.m"), real);
    Cli r = Cli.run(FRONT_END, "format", "-i", link.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertEquals("formatted r\n", Files.readString(real));
    assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
    try (var files = Files.list(dir)) {
      assertEquals(List.of("link.m", "real.m"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void widthIsPassedToTheFormatterAndCheckedForSense() throws IOException {
    Path m = write("m.m", "m\n");
    int[] seen = {0};
    ModelLoader recording =
        new ModelLoader() {
          @Override
          public LoadResult load(Path file) {
            return FRONT_END.apply(file);
          }

          @Override
          public FormatResult format(Path file, int width) {
            seen[0] = width;
            return new FormatResult(load(file), "m\n");
          }
        };
    assertEquals(ExitCodes.OK, Cli.run(() -> recording, "format", m.toString()).exitCode());
    assertEquals(100, seen[0], "default width");
    assertEquals(ExitCodes.OK, Cli.run(() -> recording, "format", "--width", "72", m.toString()).exitCode());
    assertEquals(72, seen[0]);
    Cli narrow = Cli.run(() -> recording, "format", "--width", "10", m.toString());
    assertEquals(ExitCodes.USAGE, narrow.exitCode(), narrow::toString);
    assertTrue(narrow.err().contains("--width must be from 40 to 10000, not 10"), narrow::toString);
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

  /** A formatter whose canonical layout is the text prefixed once with "formatted " (so formatting is idempotent). */
  private static final ModelLoader PREFIXING =
      new ModelLoader() {
        @Override
        public LoadResult load(Path file) {
          return FRONT_END.apply(file);
        }

        @Override
        public FormatResult format(Path file, int width) {
          LoadResult load = load(file);
          String text = load.source();
          return new FormatResult(
              load, load.hasErrors() ? null : text.startsWith("formatted ") ? text : "formatted " + text);
        }
      };

  @Test
  void checkNamesTheFilesNotInTheCanonicalLayoutAndWritesNothing() throws IOException {
    Path done = write("done.m", "formatted d\n");
    Path todo = write("todo.m", "t\n");
    Path also = write("also.m", "a\n");
    Cli r = Cli.run(() -> PREFIXING, "format", "--check", done.toString(), todo.toString(), also.toString());
    assertEquals(ExitCodes.NOT_FORMATTED, r.exitCode(), r::toString);
    assertEquals("not formatted: " + todo + "\nnot formatted: " + also + "\n", r.out());
    assertEquals("", r.err());
    assertEquals("t\n", Files.readString(todo), "--check writes nothing");
    assertEquals("a\n", Files.readString(also));
  }

  @Test
  void checkOfFormattedFilesIsSilentAndExits0() throws IOException {
    Path a = write("a.m", "formatted a\n");
    Path b = write("b.m", "formatted b\n");
    Cli r = Cli.run(() -> PREFIXING, "format", "--check", a.toString(), b.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertEquals("", r.out());
  }

  @Test
  void checkWithARejectedFileExits3AndStillNamesTheOthers() throws IOException {
    Path bad = write("bad.m", "!\n");
    Path todo = write("todo.m", "t\n");
    Cli r = Cli.run(() -> PREFIXING, "format", "--check", bad.toString(), todo.toString());
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertEquals("not formatted: " + todo + "\n", r.out());
    assertTrue(r.err().startsWith(bad + ":1:1: error: unexpected '!'"), r::err);
  }

  @Test
  void checkAndInPlaceTogetherAreAUsageError() throws IOException {
    Path m = write("m.m", "m\n");
    Cli r = Cli.run(() -> PREFIXING, "format", "--check", "--in-place", m.toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("--in-place and --check cannot be used together"), r::err);
    assertEquals("m\n", Files.readString(m));
  }
}
