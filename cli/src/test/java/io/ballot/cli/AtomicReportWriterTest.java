package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report replaces the previous one only when complete; an output that names an input is refused. */
class AtomicReportWriterTest {
  @TempDir Path dir;

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void aNewReportIsReadableByAllAndAReplacedOneKeepsItsPermissions() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.getFileStore(dir).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class));
    Path fresh = dir.resolve("new.json");
    try (AtomicReportWriter w = AtomicReportWriter.open(fresh)) {
      w.write("{}");
      w.commit();
    }
    assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(fresh)));
    Path old = dir.resolve("old.json");
    Files.writeString(old, "previous");
    Files.setPosixFilePermissions(old, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
    try (AtomicReportWriter w = AtomicReportWriter.open(old)) {
      w.write("{}");
      w.commit();
    }
    assertEquals("rw-rw----", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(old)));
  }

  @Test
  void anUncommittedReportLeavesThePreviousOneAndNoTemporaryFile() throws IOException {
    Path r = Files.writeString(dir.resolve("r.json"), "old");
    try (AtomicReportWriter w = AtomicReportWriter.open(r)) {
      w.write("half a rep");
    }
    assertEquals("old", Files.readString(r));
    assertEquals(List.of(r), files());
  }

  @Test
  void aCommittedReportReplacesThePreviousOneWhole() throws IOException {
    Path r = Files.writeString(dir.resolve("r.json"), "old");
    try (AtomicReportWriter w = AtomicReportWriter.open(r)) {
      w.write("new");
      assertEquals("old", Files.readString(r), "not in place before it is closed");
      w.commit();
    }
    assertEquals("new", Files.readString(r));
    assertEquals(List.of(r), files());
  }

  @Test
  void aDirectoryOrAMissingDirectoryFailsAtOnce() {
    assertThrows(IOException.class, () -> AtomicReportWriter.open(dir));
    assertThrows(IOException.class, () -> AtomicReportWriter.open(dir.resolve("no/such/r.json")));
  }

  @Test
  void aReportPathThatIsTheModelIsRefusedAndTheModelKept() throws IOException {
    Path m = Files.writeString(dir.resolve("c.m"), CliEndToEndTest.VALID);
    for (String option : List.of("--json", "--junit", "--sarif", "--html")) {
      Cli r = Cli.run("check", option, m.toString(), m.toString());
      assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
      assertEquals(CliEndToEndTest.VALID, Files.readString(m), option + " must not touch the model");
    }
  }

  @Test
  void theViewerPageIsNotWrittenOverItsReport() throws IOException {
    Path m = Files.writeString(dir.resolve("c.m"), CliEndToEndTest.VALID);
    Path report = dir.resolve("r.json");
    Cli.run("check", "--json", report.toString(), m.toString());
    String json = Files.readString(report);
    Cli r = Cli.run("view", report.toString(), "-o", report.toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertEquals(json, Files.readString(report));
  }
}
